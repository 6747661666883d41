"""Wrong: numerical_gradient uses the one-sided (forward) difference, accurate only to order eps."""
# lose: test_numerical_gradient
# keep: rest
import numpy as np


def numerical_gradient(f, x, eps=1e-5):
    x = np.asarray(x, dtype=float)
    grad = np.zeros_like(x)
    f0 = f(x)
    for idx in np.ndindex(x.shape):
        step = np.zeros_like(x)
        step[idx] = eps
        grad[idx] = (f(x + step) - f0) / eps
    return grad
