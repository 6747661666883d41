"""Wrong: sigmoid_neuron applies the step function instead of the logistic function."""
# lose: test_sigmoid_neuron
# keep: rest
import numpy as np


def sigmoid_neuron(x, w, w0):
    return step(w0 + np.asarray(x, dtype=float) @ np.asarray(w, dtype=float))
