"""Wrong: dropout_backward scales every gradient by 1 / (1 - rate), the dropped units included."""
# lose: test_dropout_backward
# keep: rest
import numpy as np


def dropout_backward(dA_out, mask, rate):
    return np.asarray(dA_out, dtype=float) / (1.0 - rate)
