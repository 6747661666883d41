"""Wrong: batch_norm_backward treats the batch mean and variance as constants, so dX = gamma * dY / s."""
# lose: test_batch_norm_backward
# keep: rest
import numpy as np


def batch_norm_backward(dY, X, gamma, eps=1e-3):
    dY, X = np.asarray(dY, dtype=float), np.asarray(X, dtype=float)
    s = np.sqrt(X.var(axis=0) + eps)
    x_hat = (X - X.mean(axis=0)) / s
    return gamma * dY / s, np.sum(dY * x_hat, axis=0), dY.sum(axis=0)
