"""Correct: every function written with explicit Python loops over the examples instead of
vectorised numpy code (slower, same results within the tests' tolerances)."""
# keep: rest
import math

import numpy as np


def predict_linear(X, w, b):
    X = np.asarray(X, dtype=float)
    out = np.empty(X.shape[0])
    for i in range(X.shape[0]):
        total = b
        for j in range(X.shape[1]):
            total += X[i, j] * w[j]
        out[i] = total
    return out


def mse(y_true, y_pred):
    total = 0.0
    for a, p in zip(y_true, y_pred):
        total += (float(a) - float(p)) ** 2
    return total / len(y_true)


def fit_least_squares(X, y):
    # Build the normal equations A^T A theta = A^T y one entry at a time.
    X = np.asarray(X, dtype=float)
    n, d = X.shape
    A = [list(X[i]) + [1.0] for i in range(n)]
    M = np.zeros((d + 1, d + 1))
    v = np.zeros(d + 1)
    for i in range(n):
        for r in range(d + 1):
            v[r] += A[i][r] * y[i]
            for c in range(d + 1):
                M[r, c] += A[i][r] * A[i][c]
    theta = np.linalg.solve(M, v)
    return theta[:d], float(theta[d])


def mse_gradients(X, y, w, b):
    X = np.asarray(X, dtype=float)
    n, d = X.shape
    dw = np.zeros(d)
    db = 0.0
    for i in range(n):
        err = float(X[i] @ w) + b - y[i]
        dw += 2.0 / n * err * X[i]
        db += 2.0 / n * err
    return dw, db


def gradient_descent(X, y, lr, epochs):
    X = np.asarray(X, dtype=float)
    n, d = X.shape
    w = np.zeros(d)
    b = 0.0
    losses = []
    for _ in range(epochs):
        total = 0.0
        for i in range(n):
            total += (float(X[i] @ w) + b - y[i]) ** 2
        losses.append(total / n)
        dw, db = mse_gradients(X, y, w, b)
        w = w - lr * dw
        b = b - lr * db
    return w, b, losses


def sigmoid(z):
    def one(t):
        if t >= 0:
            return 1.0 / (1.0 + math.exp(-t))
        e = math.exp(t)
        return e / (1.0 + e)

    arr = np.asarray(z, dtype=float)
    if arr.ndim == 0:
        return one(float(arr))
    flat = arr.ravel()
    out = np.empty(flat.size)
    for k in range(flat.size):
        out[k] = one(float(flat[k]))
    return out.reshape(arr.shape)


def binary_cross_entropy(y_true, p):
    eps = 1e-15
    total = 0.0
    for yi, pi in zip(y_true, p):
        pi = min(max(float(pi), eps), 1.0 - eps)
        total += -math.log(pi) if yi == 1 else -math.log(1.0 - pi)
    return total / len(y_true)


def logistic_gradients(X, y, w, b):
    X = np.asarray(X, dtype=float)
    n, d = X.shape
    dw = np.zeros(d)
    db = 0.0
    for i in range(n):
        err = sigmoid(float(X[i] @ w) + b) - y[i]
        dw += err * X[i] / n
        db += err / n
    return dw, db


def train_logistic_regression(X, y, lr, epochs):
    X = np.asarray(X, dtype=float)
    n, d = X.shape
    w = np.zeros(d)
    b = 0.0
    losses = []
    for _ in range(epochs):
        probs = [sigmoid(float(X[i] @ w) + b) for i in range(n)]
        losses.append(binary_cross_entropy(y, probs))
        dw, db = logistic_gradients(X, y, w, b)
        w = w - lr * dw
        b = b - lr * db
    return w, b, losses


def predict_logistic(X, w, b, threshold=0.5):
    X = np.asarray(X, dtype=float)
    labels = []
    for i in range(X.shape[0]):
        labels.append(1 if sigmoid(float(X[i] @ w) + b) >= threshold else 0)
    return np.array(labels, dtype=int)
