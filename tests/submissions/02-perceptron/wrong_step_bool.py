"""Wrong: step returns booleans (True/False) instead of integers 0/1."""
# lose: test_step test_perceptron_output test_xor_network
# keep: rest
import numpy as np


def step(z):
    return np.asarray(z) >= 0
