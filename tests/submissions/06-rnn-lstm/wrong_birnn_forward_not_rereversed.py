"""Wrong: birnn_forward forgets to reverse the backward states back into the input's time order."""
# lose: test_birnn_forward
# keep: rest
import numpy as np


def birnn_forward(X, forward_weights, backward_weights):
    X = np.asarray(X, dtype=float)
    if X.ndim != 3:
        raise ValueError("X must be 3-D")
    n = X.shape[0]
    H_f = rnn_forward(X, np.zeros((n, np.shape(forward_weights[0])[1])), *forward_weights)
    H_b = rnn_forward(X[:, ::-1], np.zeros((n, np.shape(backward_weights[0])[1])), *backward_weights)
    return np.concatenate([H_f, H_b], axis=-1)
