"""Wrong: batch_norm_forward uses the unbiased variance (ddof=1); Keras uses the biased one in training mode."""
# lose: test_batch_norm_forward
# keep: rest
import numpy as np


def batch_norm_forward(X, gamma, beta, eps=1e-3):
    X = np.asarray(X, dtype=float)
    return gamma * (X - X.mean(axis=0)) / np.sqrt(X.var(axis=0, ddof=1) + eps) + beta
