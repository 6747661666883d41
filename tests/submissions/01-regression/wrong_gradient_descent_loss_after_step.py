"""Wrong: gradient_descent records the loss after each update instead of before (off by one)."""
# lose: test_gradient_descent
# keep: rest
import numpy as np


def gradient_descent(X, y, lr, epochs):
    X = np.asarray(X, dtype=float)
    w = np.zeros(X.shape[1])
    b = 0.0
    losses = []
    for _ in range(epochs):
        dw, db = mse_gradients(X, y, w, b)
        w = w - lr * dw
        b = b - lr * db
        losses.append(float(np.mean((X @ w + b - y) ** 2)))
    return w, b, losses
