"""Wrong: batch_norm_forward normalises each sample over its features (the layer-norm axis) instead of each feature over the batch."""
# lose: test_batch_norm_forward
# keep: rest
import numpy as np


def batch_norm_forward(X, gamma, beta, eps=1e-3):
    X = np.asarray(X, dtype=float)
    mu = X.mean(axis=1, keepdims=True)
    var = X.var(axis=1, keepdims=True)
    return gamma * (X - mu) / np.sqrt(var + eps) + beta
