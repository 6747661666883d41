"""Correct: np.heaviside, np.where, np.dot, scipy.special.expit, and XOR as one matrix per layer with other weights."""
# keep: rest
import numpy as np
from scipy.special import expit


def step(z):
    return np.heaviside(z, 1).astype(int)


def perceptron_output(X, w, b):
    # Returns a 0-d array for one sample: a number, just not a numpy scalar.
    return np.where(np.dot(X, w) + b >= 0, 1, 0)


def perceptron_update(x, y, w, b, lr):
    delta = lr * (y - perceptron_output(x, w, b))
    return np.add(w, delta * np.asarray(x)), b + delta


def train_perceptron(X, y, lr=1.0, epochs=10):
    X = np.array(X, dtype=float)
    w, b = np.zeros(X.shape[1]), 0.0
    errors = np.zeros(epochs, dtype=int)
    for epoch in range(epochs):
        for i in range(X.shape[0]):
            errors[epoch] += perceptron_output(X[i], w, b) != y[i]
            w, b = perceptron_update(X[i], y[i], w, b, lr)
    return w, b, errors


def sigmoid_neuron(x, w, w0):
    return expit(np.dot(x, w) + w0)


def xor_network(X):
    W_hidden = np.array([[1.0, 1.0], [1.0, 1.0]])   # column 0: OR, column 1: AND
    b_hidden = np.array([-0.5, -1.5])
    hidden = step(np.asarray(X) @ W_hidden + b_hidden)
    return step(hidden @ np.array([1.0, -2.0]) - 0.5)
