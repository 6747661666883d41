"""Wrong: averages over the rows (axis 0) instead of over each row's features."""
# lose: test_reconstruction_error
# keep: rest
import numpy as np


def reconstruction_error(X, X_hat):
    X, X_hat = np.asarray(X, dtype=float), np.asarray(X_hat, dtype=float)
    if X.ndim != 2 or X.shape != X_hat.shape:
        raise ValueError("shapes differ")
    return np.mean((X - X_hat) ** 2, axis=0)
