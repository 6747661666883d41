"""Correct: scipy.special.expit for the sigmoid, np.linalg.lstsq for least squares,
scipy.special.xlogy in the cross-entropy, and np.einsum / np.dot for the products."""
# keep: rest
import numpy as np
from scipy.special import expit, xlogy


def predict_linear(X, w, b):
    return np.einsum("ij,j->i", np.asarray(X, dtype=float), np.asarray(w, dtype=float)) + b


def mse(y_true, y_pred):
    r = np.subtract(y_true, y_pred, dtype=float)
    return float(np.dot(r, r) / r.size)


def fit_least_squares(X, y):
    X = np.asarray(X, dtype=float)
    A = np.hstack([X, np.ones((X.shape[0], 1))])
    theta, _, _, _ = np.linalg.lstsq(A, y, rcond=None)
    return theta[:-1], theta[-1].item()


def mse_gradients(X, y, w, b):
    error = predict_linear(X, w, b) - y
    return 2 * np.dot(error, X) / len(y), 2 * error.mean()


def gradient_descent(X, y, lr, epochs):
    w, b = np.zeros(np.shape(X)[1]), 0.0
    losses = np.empty(epochs)
    for k in range(epochs):
        losses[k] = mse(y, predict_linear(X, w, b))
        dw, db = mse_gradients(X, y, w, b)
        w, b = w - lr * dw, b - lr * db
    return w, float(b), losses


def sigmoid(z):
    return expit(z)


def binary_cross_entropy(y_true, p):
    p = np.clip(p, 1e-7, 1 - 1e-7)
    y = np.asarray(y_true, dtype=float)
    return float(-np.mean(xlogy(y, p) + xlogy(1 - y, 1 - p)))


def logistic_gradients(X, y, w, b):
    error = expit(np.dot(X, w) + b) - y
    return np.dot(error, X) / len(y), error.mean()


def train_logistic_regression(X, y, lr, epochs):
    w, b = np.zeros(np.shape(X)[1]), 0.0
    losses = []
    for _ in range(epochs):
        losses.append(binary_cross_entropy(y, expit(np.dot(X, w) + b)))
        dw, db = logistic_gradients(X, y, w, b)
        w -= lr * dw
        b -= lr * db
    return w, b, losses


def predict_logistic(X, w, b, threshold=0.5):
    return np.where(expit(np.dot(X, w) + b) >= threshold, 1, 0)
