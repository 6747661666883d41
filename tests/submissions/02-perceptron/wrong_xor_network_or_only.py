"""Wrong: xor_network is a single OR unit, so (1, 1) gives 1."""
# lose: test_xor_network
# keep: rest
import numpy as np


def xor_network(X):
    return perceptron_output(np.asarray(X, dtype=float), np.array([1.0, 1.0]), -0.5)
