"""Wrong: train_perceptron checks each sample after its update, so mistakes that were just fixed are not counted."""
# lose: test_train_perceptron
# keep: rest
import numpy as np


def train_perceptron(X, y, lr=1.0, epochs=10):
    X = np.asarray(X, dtype=float)
    w, b, errors = np.zeros(X.shape[1]), 0.0, []
    for _ in range(epochs):
        mistakes = 0
        for x_i, y_i in zip(X, y):
            w, b = perceptron_update(x_i, y_i, w, b, lr)
            mistakes += int(perceptron_output(x_i, w, b) != y_i)
        errors.append(mistakes)
    return w, b, errors
