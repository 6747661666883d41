"""Wrong: train_perceptron never resets the mistake counter, so errors is cumulative."""
# lose: test_train_perceptron
# keep: rest
import numpy as np


def train_perceptron(X, y, lr=1.0, epochs=10):
    X = np.asarray(X, dtype=float)
    w, b, errors = np.zeros(X.shape[1]), 0.0, []
    mistakes = 0
    for _ in range(epochs):
        for x_i, y_i in zip(X, y):
            mistakes += int(perceptron_output(x_i, w, b) != y_i)
            w, b = perceptron_update(x_i, y_i, w, b, lr)
        errors.append(mistakes)
    return w, b, errors
