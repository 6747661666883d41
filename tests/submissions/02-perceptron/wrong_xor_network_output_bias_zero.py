"""Wrong: xor_network's output unit has bias 0, so (0, 0) gives a sum of exactly 0 and fires."""
# lose: test_xor_network
# keep: rest
import numpy as np


def xor_network(X):
    X = np.asarray(X, dtype=float)
    h_or = perceptron_output(X, np.array([1.0, 1.0]), -0.5)
    h_and = perceptron_output(X, np.array([1.0, 1.0]), -1.5)
    return perceptron_output(np.column_stack([h_or, h_and]), np.array([1.0, -1.0]), 0.0)
