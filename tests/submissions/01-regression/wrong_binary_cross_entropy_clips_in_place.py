"""Wrong: binary_cross_entropy clips the caller's array p in place (np.clip with out=p)."""
# lose: test_binary_cross_entropy
# keep: rest
import numpy as np


def binary_cross_entropy(y_true, p):
    y = np.asarray(y_true, dtype=float)
    np.clip(p, 1e-12, 1 - 1e-12, out=p)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))
