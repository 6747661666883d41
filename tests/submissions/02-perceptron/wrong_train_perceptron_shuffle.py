"""Wrong: train_perceptron shuffles the samples every epoch instead of visiting them in order."""
# lose: test_train_perceptron
# keep: rest
import numpy as np


def train_perceptron(X, y, lr=1.0, epochs=10):
    X, y = np.asarray(X, dtype=float), np.asarray(y)
    rng = np.random.default_rng(1)
    w, b, errors = np.zeros(X.shape[1]), 0.0, []
    for _ in range(epochs):
        mistakes = 0
        for i in rng.permutation(len(X)):
            mistakes += int(perceptron_output(X[i], w, b) != y[i])
            w, b = perceptron_update(X[i], y[i], w, b, lr)
        errors.append(mistakes)
    return w, b, errors
