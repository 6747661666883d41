"""Correct, other forms of the same gradients: batch norm through means instead of sums (gamma / s * (dY - mean(dY) - x_hat * mean(dY * x_hat))), with keepdims, returning a list; dropout through a float mask, with np.divide."""
# keep: rest
import numpy as np


def dropout_backward(dA_out, mask, rate):
    keep = np.asarray(mask, dtype=np.float64)
    return np.divide(np.multiply(dA_out, keep), 1 - rate)


def batch_norm_backward(dY, X, gamma, eps=1e-3):
    dY = np.array(dY, dtype=float)
    X = np.array(X, dtype=float)
    mu = X.mean(axis=0, keepdims=True)
    s = np.sqrt(((X - mu) ** 2).mean(axis=0, keepdims=True) + eps)
    x_hat = (X - mu) / s
    dX = gamma / s * (dY - dY.mean(axis=0, keepdims=True) - x_hat * (dY * x_hat).mean(axis=0, keepdims=True))
    return [dX, (dY * x_hat).sum(axis=0), dY.sum(axis=0)]
