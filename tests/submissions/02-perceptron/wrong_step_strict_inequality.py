"""Wrong: step uses > instead of >=, so a sum of exactly 0 gives 0."""
# lose: test_step test_perceptron_output test_perceptron_update test_train_perceptron
# keep: rest
import numpy as np


def step(z):
    return (np.asarray(z) > 0).astype(int)[()]
