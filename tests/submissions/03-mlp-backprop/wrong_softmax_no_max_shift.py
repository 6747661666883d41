"""Wrong: softmax without subtracting the row maximum: right on small scores, overflows near 1000."""
# lose: test_softmax_large_inputs
# keep: rest
import numpy as np


def softmax(Z):
    E = np.exp(np.asarray(Z, dtype=float))
    return E / E.sum(axis=1, keepdims=True)
