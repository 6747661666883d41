"""Wrong: batch_norm_forward adds eps to the standard deviation instead of to the variance."""
# lose: test_batch_norm_forward
# keep: rest
import numpy as np


def batch_norm_forward(X, gamma, beta, eps=1e-3):
    X = np.asarray(X, dtype=float)
    return gamma * (X - X.mean(axis=0)) / (X.std(axis=0) + eps) + beta
