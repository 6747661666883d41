"""Wrong: leaky_relu hard-codes the slope 0.01 and ignores its alpha argument."""
# lose: test_relu_activations
# keep: rest
import numpy as np


def leaky_relu(z, alpha=0.01):
    z = np.asarray(z, dtype=float)
    return np.where(z > 0, z, 0.01 * z)
