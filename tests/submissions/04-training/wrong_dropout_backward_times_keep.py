"""Wrong: dropout_backward multiplies by the keep probability 1 - rate instead of dividing by it."""
# lose: test_dropout_backward
# keep: rest
import numpy as np


def dropout_backward(dA_out, mask, rate):
    return np.asarray(dA_out, dtype=float) * mask * (1.0 - rate)
