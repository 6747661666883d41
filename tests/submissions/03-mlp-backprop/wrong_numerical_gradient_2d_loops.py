"""Wrong: numerical_gradient loops over rows and columns, so it only works for 1-D and 2-D x (a 3-D x gets a whole row nudged at once)."""
# lose: test_numerical_gradient
# keep: rest
import numpy as np


def numerical_gradient(f, x, eps=1e-5):
    x = np.asarray(x, dtype=float)
    grad = np.zeros_like(x)
    rows, cols = x.shape[0], (x.shape[1] if x.ndim > 1 else 1)
    for i in range(rows):
        for j in range(cols):
            idx = (i, j) if x.ndim > 1 else (i,)
            plus, minus = x.copy(), x.copy()
            plus[idx] += eps
            minus[idx] -= eps
            grad[idx] = (f(plus) - f(minus)) / (2 * eps)
    return grad
