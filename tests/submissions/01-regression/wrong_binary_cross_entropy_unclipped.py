"""Wrong: binary_cross_entropy takes np.log(p) unclipped: inf or nan when p is exactly 0 or 1."""
# lose: test_binary_cross_entropy
# keep: rest
import numpy as np


def binary_cross_entropy(y_true, p):
    y = np.asarray(y_true, dtype=float)
    p = np.asarray(p, dtype=float)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))
