"""Wrong: perceptron_update changes the caller's w in place (w += ...)."""
# lose: test_perceptron_update
# keep: rest
import numpy as np


def perceptron_update(x, y, w, b, lr):
    x = np.asarray(x, dtype=float)
    error = y - perceptron_output(x, w, b)
    w += lr * error * x
    return w, b + lr * error
