"""Wrong: leaky_relu scales the negative entries of its input in place (right values, but z is changed)."""
# lose: test_relu_activations
# keep: rest
import numpy as np


def leaky_relu(z, alpha=0.01):
    z[z <= 0] *= alpha
    return z
