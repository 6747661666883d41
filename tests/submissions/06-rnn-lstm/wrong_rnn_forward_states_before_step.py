"""Wrong: rnn_forward returns the state *before* each step (h0 ... h_{T-1}), an off-by-one in time."""
# lose: test_rnn_forward test_birnn_forward test_rnn_backward
# keep: rest
import numpy as np


def rnn_forward(X, h0, kernel, recurrent_kernel, bias):
    X = np.asarray(X, dtype=float)
    if X.ndim != 3:
        raise ValueError("X must be 3-D")
    h = np.asarray(h0, dtype=float)
    states = []
    for t in range(X.shape[1]):
        states.append(h)
        h = rnn_step(X[:, t, :], h, kernel, recurrent_kernel, bias)
    return np.stack(states, axis=1)
