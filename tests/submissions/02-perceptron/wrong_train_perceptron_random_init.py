"""Wrong: train_perceptron starts from small random weights instead of zeros."""
# lose: test_train_perceptron
# keep: rest
import numpy as np


def train_perceptron(X, y, lr=1.0, epochs=10):
    X = np.asarray(X, dtype=float)
    rng = np.random.default_rng(0)
    w, b, errors = rng.normal(scale=0.1, size=X.shape[1]), 0.0, []
    for _ in range(epochs):
        mistakes = 0
        for x_i, y_i in zip(X, y):
            mistakes += int(perceptron_output(x_i, w, b) != y_i)
            w, b = perceptron_update(x_i, y_i, w, b, lr)
        errors.append(mistakes)
    return w, b, errors
