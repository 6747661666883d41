"""Wrong: dropout_backward lets the gradient through the kept units but forgets the 1 / (1 - rate) of the forward pass."""
# lose: test_dropout_backward
# keep: rest
import numpy as np


def dropout_backward(dA_out, mask, rate):
    return np.asarray(dA_out, dtype=float) * mask
