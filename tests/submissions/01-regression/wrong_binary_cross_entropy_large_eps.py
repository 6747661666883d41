"""Wrong: binary_cross_entropy clips with epsilon = 1e-4, far above the stated bound of
1e-7: a certain, correct prediction costs about 1e-4 instead of (almost) nothing, and the
losses recorded by train_logistic_regression move with it."""
# lose: test_binary_cross_entropy test_train_logistic_regression
# keep: rest
import numpy as np


def binary_cross_entropy(y_true, p):
    eps = 1e-4
    y = np.asarray(y_true, dtype=float)
    p = np.clip(np.asarray(p, dtype=float), eps, 1 - eps)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))
