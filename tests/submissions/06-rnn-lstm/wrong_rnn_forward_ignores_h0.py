"""Wrong: rnn_forward always starts from a zero state and ignores h0."""
# lose: test_rnn_forward test_rnn_backward
# keep: rest
import numpy as np


def rnn_forward(X, h0, kernel, recurrent_kernel, bias):
    X = np.asarray(X, dtype=float)
    if X.ndim != 3:
        raise ValueError("X must be 3-D")
    h = np.zeros((X.shape[0], np.shape(kernel)[1]))
    states = []
    for t in range(X.shape[1]):
        h = rnn_step(X[:, t, :], h, kernel, recurrent_kernel, bias)
        states.append(h)
    return np.stack(states, axis=1)
