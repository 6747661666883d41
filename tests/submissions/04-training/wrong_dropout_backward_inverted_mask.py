"""Wrong: dropout_backward passes the gradient through the dropped units (~mask) instead of the kept ones."""
# lose: test_dropout_backward
# keep: rest
import numpy as np


def dropout_backward(dA_out, mask, rate):
    return np.asarray(dA_out, dtype=float) * ~mask / (1.0 - rate)
