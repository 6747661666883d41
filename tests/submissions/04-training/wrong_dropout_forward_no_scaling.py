"""Wrong: dropout_forward drops units but does not rescale the kept ones by 1 / (1 - rate)."""
# lose: test_dropout_forward
# keep: rest
import numpy as np


def dropout_forward(A, rate, rng, training=True):
    A = np.asarray(A, dtype=float)
    if not training or rate == 0:
        return A.copy(), np.ones(A.shape, dtype=bool)
    mask = rng.random(A.shape) >= rate
    return A * mask, mask
