"""Wrong: train_logistic_regression steps along the MSE gradient of linear regression."""
# lose: test_train_logistic_regression
# keep: rest
import numpy as np


def train_logistic_regression(X, y, lr, epochs):
    X = np.asarray(X, dtype=float)
    w = np.zeros(X.shape[1])
    b = 0.0
    losses = []
    for _ in range(epochs):
        losses.append(binary_cross_entropy(y, sigmoid(X @ w + b)))
        dw, db = mse_gradients(X, y, w, b)
        w = w - lr * dw
        b = b - lr * db
    return w, b, losses
