"""Wrong: rnn_forward computes the states correctly but does not check that X is 3-D (a 2-D X ends in an IndexError)."""
# lose: test_rnn_forward_validation
# keep: rest
import numpy as np


def rnn_forward(X, h0, kernel, recurrent_kernel, bias):
    h, states = h0, []
    for t in range(np.shape(X)[1]):
        h = rnn_step(X[:, t, :], h, kernel, recurrent_kernel, bias)
        states.append(h)
    return np.stack(states, axis=1)
