"""Wrong: tanh_grad forgets the square, 1 - tanh(z)."""
# lose: test_relu_activations
# keep: rest
import numpy as np


def tanh_grad(z):
    return 1.0 - np.tanh(z)
