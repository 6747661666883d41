"""Wrong: fit_least_squares fits a line to the first feature only (np.polyfit), which is
right for one feature and wrong for two or more."""
# lose: test_fit_least_squares
# keep: rest
import numpy as np


def fit_least_squares(X, y):
    slope, intercept = np.polyfit(np.asarray(X, dtype=float)[:, 0], y, 1)
    return np.array([slope]), float(intercept)
