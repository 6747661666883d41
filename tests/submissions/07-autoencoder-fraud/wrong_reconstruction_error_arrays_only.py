"""Wrong: uses the .ndim and .shape of the inputs directly, so lists of lists fail."""
# lose: test_reconstruction_error
# keep: rest
import numpy as np


def reconstruction_error(X, X_hat):
    if X.ndim != 2 or X.shape != X_hat.shape:
        raise ValueError("X and X_hat must be 2-D arrays of one shape")
    return np.mean((X - X_hat) ** 2, axis=1)
