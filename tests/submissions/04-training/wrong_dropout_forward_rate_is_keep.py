"""Wrong: dropout_forward keeps each unit with probability rate (rate read as the keep probability); right only for rate 0.5."""
# lose: test_dropout_forward
# keep: rest
import numpy as np


def dropout_forward(A, rate, rng, training=True):
    A = np.asarray(A, dtype=float)
    if not training or rate == 0:
        return A.copy(), np.ones(A.shape, dtype=bool)
    mask = rng.random(A.shape) < rate
    return A * mask / (1.0 - rate), mask
