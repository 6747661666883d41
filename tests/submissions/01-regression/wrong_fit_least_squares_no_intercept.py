"""Wrong: fit_least_squares forgets the column of ones, so the line goes through the origin."""
# lose: test_fit_least_squares
# keep: rest
import numpy as np


def fit_least_squares(X, y):
    w = np.linalg.lstsq(np.asarray(X, dtype=float), np.asarray(y, dtype=float), rcond=None)[0]
    return w, 0.0
