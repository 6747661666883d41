"""Wrong: gradient_descent starts from random weights instead of zeros."""
# lose: test_gradient_descent
# keep: rest
import numpy as np


def gradient_descent(X, y, lr, epochs):
    X = np.asarray(X, dtype=float)
    rng = np.random.default_rng(0)
    w = rng.normal(scale=0.01, size=X.shape[1])
    b = 0.0
    losses = []
    for _ in range(epochs):
        losses.append(float(np.mean((X @ w + b - y) ** 2)))
        dw, db = mse_gradients(X, y, w, b)
        w = w - lr * dw
        b = b - lr * db
    return w, b, losses
