"""Correct: everything with plain Python loops and Python numbers; XOR from OR, NAND and AND units."""
# keep: rest
import math

import numpy as np


def step(z):
    arr = np.asarray(z)
    if arr.ndim == 0:
        return 1 if arr >= 0 else 0
    out = np.zeros(arr.shape, dtype=int)
    for index, value in np.ndenumerate(arr):
        out[index] = 1 if value >= 0 else 0
    return out


def perceptron_output(X, w, b):
    X = np.asarray(X, dtype=float)
    if X.ndim == 1:
        total = b
        for x_j, w_j in zip(X, w):
            total += x_j * w_j
        return step(total)
    return np.array([perceptron_output(row, w, b) for row in X], dtype=int)


def perceptron_update(x, y, w, b, lr):
    y_hat = perceptron_output(x, w, b)
    w_new = [w_j + lr * (y - y_hat) * x_j for w_j, x_j in zip(w, x)]
    return np.array(w_new, dtype=float), b + lr * (y - y_hat)


def train_perceptron(X, y, lr=1.0, epochs=10):
    n, d = len(X), len(X[0])
    w, b = np.zeros(d), 0.0
    errors = []
    for epoch in range(epochs):
        errors.append(0)
        for i in range(n):
            if perceptron_output(X[i], w, b) != y[i]:
                errors[epoch] += 1
            w, b = perceptron_update(X[i], y[i], w, b, lr)
    return w, b, errors


def sigmoid_neuron(x, w, w0):
    x = np.asarray(x, dtype=float)
    if x.ndim == 1:
        z = w0 + sum(x_j * w_j for x_j, w_j in zip(x, w))
        return 1.0 / (1.0 + math.exp(-z))
    return np.array([sigmoid_neuron(row, w, w0) for row in x])


def xor_network(X):
    out = []
    for row in np.asarray(X, dtype=float):
        h_or = perceptron_output(row, [1.0, 1.0], -0.5)
        h_nand = perceptron_output(row, [-1.0, -1.0], 1.5)
        out.append(perceptron_output(np.array([h_or, h_nand]), [1.0, 1.0], -1.5))
    return np.array(out, dtype=int)
