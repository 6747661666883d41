"""Wrong: softmax subtracts the maximum of the whole array, so rows far below it underflow to 0/0."""
# lose: test_softmax_large_inputs
# keep: rest
import numpy as np


def softmax(Z):
    Z = np.asarray(Z, dtype=float)
    E = np.exp(Z - Z.max())
    return E / E.sum(axis=1, keepdims=True)
