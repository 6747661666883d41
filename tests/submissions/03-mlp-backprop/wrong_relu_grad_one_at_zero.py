"""Wrong: relu_grad returns 1 at z == 0 (z >= 0 instead of z > 0)."""
# lose: test_relu_activations
# keep: rest
import numpy as np


def relu_grad(z):
    return (np.asarray(z) >= 0).astype(float)
