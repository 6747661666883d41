"""Wrong: dropout_forward returns the mask as 0.0/1.0 floats instead of booleans."""
# lose: test_dropout_forward
# keep: rest
import numpy as np


def dropout_forward(A, rate, rng, training=True):
    A = np.asarray(A, dtype=float)
    if not training or rate == 0:
        return A.copy(), np.ones(A.shape)
    mask = (rng.random(A.shape) >= rate).astype(float)
    return A * mask / (1.0 - rate), mask
