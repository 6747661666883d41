"""Wrong: dropout_backward computes the right gradient but overwrites dA_out with it."""
# lose: test_dropout_backward
# keep: rest
import numpy as np


def dropout_backward(dA_out, mask, rate):
    dA_out *= mask
    dA_out /= 1.0 - rate
    return dA_out
