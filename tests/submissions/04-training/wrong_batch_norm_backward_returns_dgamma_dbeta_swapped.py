"""Wrong: batch_norm_backward returns (dX, dbeta, dgamma), the two parameter gradients in the wrong order."""
# lose: test_batch_norm_backward
# keep: rest
import numpy as np


def batch_norm_backward(dY, X, gamma, eps=1e-3):
    dY, X = np.asarray(dY, dtype=float), np.asarray(X, dtype=float)
    n = X.shape[0]
    s = np.sqrt(X.var(axis=0) + eps)
    x_hat = (X - X.mean(axis=0)) / s
    dbeta, dgamma = dY.sum(axis=0), np.sum(dY * x_hat, axis=0)
    return gamma / (n * s) * (n * dY - dbeta - x_hat * dgamma), dbeta, dgamma
