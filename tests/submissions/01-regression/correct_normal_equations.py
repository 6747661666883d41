"""Correct: least squares by solving the normal equations with np.linalg.solve, the sigmoid
through tanh, the cross-entropy with np.log1p, and labels compared on the score z against
the logit of the threshold."""
# keep: rest
import numpy as np


def fit_least_squares(X, y):
    X = np.asarray(X, dtype=float)
    A = np.c_[X, np.ones(len(X))]
    theta = np.linalg.solve(A.T @ A, A.T @ y)
    return theta[:-1], float(theta[-1])


def sigmoid(z):
    # sigma(z) = (1 + tanh(z / 2)) / 2, which never overflows.
    out = 0.5 * (1.0 + np.tanh(0.5 * np.asarray(z, dtype=float)))
    return out if np.ndim(out) else float(out)


def binary_cross_entropy(y_true, p):
    p = np.clip(np.asarray(p, dtype=float), 1e-12, 1 - 1e-12)
    y = np.asarray(y_true)
    return -float(np.mean(np.where(y == 1, np.log(p), np.log1p(-p))))


def predict_logistic(X, w, b, threshold=0.5):
    z = np.asarray(X, dtype=float) @ w + b
    # p >= t  <=>  z >= log(t / (1 - t)), since the sigmoid is increasing.
    return (z >= np.log(threshold / (1.0 - threshold))).astype(np.int64)
