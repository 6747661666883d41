"""Wrong: sigmoid_neuron forgets the bias w0."""
# lose: test_sigmoid_neuron
# keep: rest
import numpy as np


def sigmoid_neuron(x, w, w0):
    return 1.0 / (1.0 + np.exp(-(np.asarray(x, dtype=float) @ np.asarray(w, dtype=float))))
