"""Correct values but the naive sigmoid 1 / (1 + np.exp(-z)): it overflows (with a
RuntimeWarning) for z = -1000. Only the overflow test may cost points; the warning must not
cost points anywhere else."""
# lose: test_sigmoid_no_overflow
# keep: rest
import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-np.asarray(z, dtype=float)))
