"""Wrong: train_logistic_regression records the loss after each update instead of before."""
# lose: test_train_logistic_regression
# keep: rest
import numpy as np


def train_logistic_regression(X, y, lr, epochs):
    X = np.asarray(X, dtype=float)
    w = np.zeros(X.shape[1])
    b = 0.0
    losses = []
    for _ in range(epochs):
        dw, db = logistic_gradients(X, y, w, b)
        w = w - lr * dw
        b = b - lr * db
        losses.append(binary_cross_entropy(y, sigmoid(X @ w + b)))
    return w, b, losses
