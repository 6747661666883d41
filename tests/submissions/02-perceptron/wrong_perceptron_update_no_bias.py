"""Wrong: perceptron_update updates the weights but returns the bias unchanged."""
# lose: test_perceptron_update test_train_perceptron
# keep: rest
import numpy as np


def perceptron_update(x, y, w, b, lr):
    x = np.asarray(x, dtype=float)
    y_hat = perceptron_output(x, w, b)
    return w + lr * (y - y_hat) * x, b
