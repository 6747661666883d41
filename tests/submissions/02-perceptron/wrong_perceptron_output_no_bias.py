"""Wrong: perceptron_output forgets the bias b."""
# lose: test_perceptron_output test_perceptron_update test_train_perceptron test_xor_network
# keep: rest
import numpy as np


def perceptron_output(X, w, b):
    return step(np.asarray(X) @ np.asarray(w))
