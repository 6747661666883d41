"""Wrong: batch_norm_backward divides by the plain standard deviation, leaving eps out (a zero-variance column gives inf/NaN)."""
# lose: test_batch_norm_backward
# keep: rest
import numpy as np


def batch_norm_backward(dY, X, gamma, eps=1e-3):
    dY, X = np.asarray(dY, dtype=float), np.asarray(X, dtype=float)
    n = X.shape[0]
    s = X.std(axis=0)
    x_hat = (X - X.mean(axis=0)) / s
    dbeta, dgamma = dY.sum(axis=0), np.sum(dY * x_hat, axis=0)
    return gamma / (n * s) * (n * dY - dbeta - x_hat * dgamma), dgamma, dbeta
