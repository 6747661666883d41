"""Wrong: batch_norm_backward uses the unbiased variance (ddof=1), derived consistently; the layer uses the biased one."""
# lose: test_batch_norm_backward
# keep: rest
import numpy as np


def batch_norm_backward(dY, X, gamma, eps=1e-3):
    dY, X = np.asarray(dY, dtype=float), np.asarray(X, dtype=float)
    n = X.shape[0]
    s = np.sqrt(X.var(axis=0, ddof=1) + eps)
    x_hat = (X - X.mean(axis=0)) / s
    dbeta, dgamma = dY.sum(axis=0), np.sum(dY * x_hat, axis=0)
    # d var / d x_k = 2 (x_k - mu) / (n - 1) with this variance
    dX = gamma / s * (dY - dbeta / n - x_hat * dgamma / (n - 1))
    return dX, dgamma, dbeta
