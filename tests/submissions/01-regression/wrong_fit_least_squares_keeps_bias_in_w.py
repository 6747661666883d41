"""Wrong: fit_least_squares returns the whole solution vector (weights and bias) as w."""
# lose: test_fit_least_squares
# keep: rest
import numpy as np


def fit_least_squares(X, y):
    X = np.asarray(X, dtype=float)
    A = np.column_stack([X, np.ones(len(X))])
    theta = np.linalg.lstsq(A, np.asarray(y, dtype=float), rcond=None)[0]
    return theta, float(theta[-1])
