"""Wrong: categorical_cross_entropy sums over the rows instead of averaging."""
# lose: test_categorical_cross_entropy test_train_softmax_mlp
# keep: rest
import numpy as np


def categorical_cross_entropy(Y, P):
    P = np.clip(np.asarray(P, dtype=float), 1e-12, 1.0)
    return float(-np.sum(np.asarray(Y) * np.log(P)))
