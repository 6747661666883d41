"""Wrong: batch_norm_backward gives dgamma = column sums of dY (the same as dbeta), forgetting the factor x_hat."""
# lose: test_batch_norm_backward
# keep: rest
import numpy as np


def batch_norm_backward(dY, X, gamma, eps=1e-3):
    dY, X = np.asarray(dY, dtype=float), np.asarray(X, dtype=float)
    n = X.shape[0]
    s = np.sqrt(X.var(axis=0) + eps)
    x_hat = (X - X.mean(axis=0)) / s
    dX = gamma / (n * s) * (n * dY - dY.sum(axis=0) - x_hat * np.sum(dY * x_hat, axis=0))
    return dX, dY.sum(axis=0), dY.sum(axis=0)
