"""Wrong: sums the squared errors of a row instead of averaging them (missing 1/d)."""
# lose: test_reconstruction_error
# keep: rest
import numpy as np


def reconstruction_error(X, X_hat):
    X, X_hat = np.asarray(X, dtype=float), np.asarray(X_hat, dtype=float)
    if X.ndim != 2 or X.shape != X_hat.shape:
        raise ValueError("shapes differ")
    return np.sum((X - X_hat) ** 2, axis=1)
