"""Wrong: compares the shapes but not the number of dimensions, so two 1-D arrays give one number."""
# lose: test_reconstruction_error_validation
# keep: rest
import numpy as np


def reconstruction_error(X, X_hat):
    X, X_hat = np.asarray(X, dtype=float), np.asarray(X_hat, dtype=float)
    if X.shape != X_hat.shape:
        raise ValueError("shapes differ")
    return np.mean((X - X_hat) ** 2, axis=-1)
