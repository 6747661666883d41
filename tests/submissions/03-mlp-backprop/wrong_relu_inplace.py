"""Wrong: relu clips the negative entries of its input in place (right values, but z is changed)."""
# lose: test_relu_activations
# keep: rest
import numpy as np


def relu(z):
    z[z < 0] = 0.0
    return z
