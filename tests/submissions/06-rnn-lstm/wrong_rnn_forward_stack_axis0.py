"""Wrong: rnn_forward stacks the states along axis 0, giving shape (T, n, u)."""
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
        h = rnn_step(X[:, t, :], h, kernel, recurrent_kernel, bias)
        states.append(h)
    return np.stack(states, axis=0)
