"""Wrong: no shape check, so a single reconstruction row is silently broadcast against every row."""
# lose: test_reconstruction_error_validation
# keep: rest
import numpy as np


def reconstruction_error(X, X_hat):
    return np.mean((np.asarray(X, dtype=float) - np.asarray(X_hat, dtype=float)) ** 2, axis=1)
