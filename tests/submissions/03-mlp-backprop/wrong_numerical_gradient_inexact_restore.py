"""Wrong: numerical_gradient nudges x in place and "restores" it by adding eps back, which changes x in the last bits."""
# lose: test_numerical_gradient
# keep: rest
import numpy as np


def numerical_gradient(f, x, eps=1e-5):
    grad = np.zeros_like(x, dtype=float)
    for idx in np.ndindex(x.shape):
        x[idx] += eps
        f_plus = f(x)
        x[idx] -= 2 * eps
        f_minus = f(x)
        x[idx] += eps
        grad[idx] = (f_plus - f_minus) / (2 * eps)
    return grad
