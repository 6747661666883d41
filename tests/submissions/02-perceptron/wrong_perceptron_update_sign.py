"""Wrong: perceptron_update uses (y_hat - y) instead of (y - y_hat), moving the line the wrong way."""
# lose: test_perceptron_update test_train_perceptron
# keep: rest
import numpy as np


def perceptron_update(x, y, w, b, lr):
    x = np.asarray(x, dtype=float)
    y_hat = perceptron_output(x, w, b)
    return w + lr * (y_hat - y) * x, b + lr * (y_hat - y)
