"""Wrong: birnn_forward computes both directions correctly but does not check that X is 3-D (it reverses X first, so a 2-D X ends in an IndexError)."""
# lose: test_birnn_forward_validation
# keep: rest
import numpy as np


def birnn_forward(X, forward_weights, backward_weights):
    X_rev = X[:, ::-1, :]
    n = np.shape(X)[0]
    H_f = rnn_forward(X, np.zeros((n, np.shape(forward_weights[0])[1])), *forward_weights)
    H_b = rnn_forward(X_rev, np.zeros((n, np.shape(backward_weights[0])[1])), *backward_weights)
    return np.concatenate([H_f, H_b[:, ::-1, :]], axis=-1)
