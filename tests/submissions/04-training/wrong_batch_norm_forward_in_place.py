"""Wrong: batch_norm_forward normalises X in place (the caller's batch changes)."""
# lose: test_batch_norm_forward
# keep: rest
import numpy as np


def batch_norm_forward(X, gamma, beta, eps=1e-3):
    X -= X.mean(axis=0)
    X /= np.sqrt(X.var(axis=0) + eps)
    return gamma * X + beta
