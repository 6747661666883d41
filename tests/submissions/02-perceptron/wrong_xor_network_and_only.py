"""Wrong: xor_network stops at the AND unit of the hidden layer."""
# lose: test_xor_network
# keep: rest
import numpy as np


def xor_network(X):
    X = np.asarray(X, dtype=float)
    h_or = perceptron_output(X, np.array([1.0, 1.0]), -0.5)
    h_and = perceptron_output(X, np.array([1.0, 1.0]), -1.5)
    return h_and
