"""Correct: binary_cross_entropy clips with Keras's epsilon, 1e-7 (the largest the
exercise allows), and sums with np.where instead of the two-term formula."""
# keep: rest
import numpy as np


def binary_cross_entropy(y_true, p):
    p = np.clip(np.asarray(p, dtype=float), 1e-7, 1 - 1e-7)
    y = np.asarray(y_true)
    return float(np.mean(np.where(y == 1, -np.log(p), -np.log(1 - p))))
