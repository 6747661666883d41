"""Wrong: perceptron_output sums along axis 1, so it only works for a 2-D X (n samples)."""
# lose: test_perceptron_output test_perceptron_update test_train_perceptron
# keep: rest
import numpy as np


def perceptron_output(X, w, b):
    return step(np.sum(np.asarray(X) * np.asarray(w), axis=1) + b)
