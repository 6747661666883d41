"""Wrong: step returns floats (np.heaviside without converting to integers)."""
# lose: test_step test_perceptron_output test_xor_network
# keep: rest
import numpy as np


def step(z):
    return np.heaviside(z, 1.0)
