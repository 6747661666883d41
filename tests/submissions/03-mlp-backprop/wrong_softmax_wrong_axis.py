"""Wrong: softmax normalises each column (axis=0) instead of each row."""
# lose: test_softmax test_softmax_large_inputs test_train_softmax_mlp
# keep: rest
import numpy as np


def softmax(Z):
    Z = np.asarray(Z, dtype=float)
    E = np.exp(Z - Z.max(axis=0, keepdims=True))
    return E / E.sum(axis=0, keepdims=True)
