"""Wrong: batch_norm_forward always uses Keras's default 1e-3 and ignores the eps argument."""
# lose: test_batch_norm_forward
# keep: rest
import numpy as np


def batch_norm_forward(X, gamma, beta, eps=1e-3):
    X = np.asarray(X, dtype=float)
    return gamma * (X - X.mean(axis=0)) / np.sqrt(X.var(axis=0) + 1e-3) + beta
