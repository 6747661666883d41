"""Wrong: dropout_forward ignores training=False and drops units at inference too."""
# lose: test_dropout_forward
# keep: rest
import numpy as np


def dropout_forward(A, rate, rng, training=True):
    A = np.asarray(A, dtype=float)
    mask = rng.random(A.shape) >= rate
    return A * mask / (1.0 - rate), mask
