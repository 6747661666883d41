"""Wrong: batch_norm_backward drops the 1/n of the variance term: dX = gamma / s * (dY - mean(dY) - x_hat * sum(dY * x_hat))."""
# lose: test_batch_norm_backward
# keep: rest
import numpy as np


def batch_norm_backward(dY, X, gamma, eps=1e-3):
    dY, X = np.asarray(dY, dtype=float), np.asarray(X, dtype=float)
    s = np.sqrt(X.var(axis=0) + eps)
    x_hat = (X - X.mean(axis=0)) / s
    dgamma = np.sum(dY * x_hat, axis=0)
    return gamma / s * (dY - dY.mean(axis=0) - x_hat * dgamma), dgamma, dY.sum(axis=0)
