"""Wrong: sigmoid_grad applies s(1 - s) to the activation sigmoid(z) instead of to z (sigmoid applied twice)."""
# lose: test_relu_activations
# keep: rest
import numpy as np


def sigmoid_grad(z):
    a = 1.0 / (1.0 + np.exp(-z))
    s = 1.0 / (1.0 + np.exp(-a))
    return s * (1.0 - s)
