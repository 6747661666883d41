"""Wrong: batch_norm_backward centres X in place (X -= mean), changing the caller's batch."""
# lose: test_batch_norm_backward
# keep: rest
import numpy as np


def batch_norm_backward(dY, X, gamma, eps=1e-3):
    dY = np.asarray(dY, dtype=float)
    n = X.shape[0]
    X -= X.mean(axis=0)
    s = np.sqrt(np.mean(X ** 2, axis=0) + eps)
    x_hat = X / s
    dbeta, dgamma = dY.sum(axis=0), np.sum(dY * x_hat, axis=0)
    return gamma / (n * s) * (n * dY - dbeta - x_hat * dgamma), dgamma, dbeta
