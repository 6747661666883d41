"""Wrong: rnn_backward overwrites the weight gradients at every step (=, not +=), so they hold only the first step's contribution instead of the sum over time."""
# lose: test_rnn_backward
# keep: rest
import numpy as np


def rnn_backward(dH, X, h0, kernel, recurrent_kernel, bias):
    X, h0, dH = np.asarray(X, dtype=float), np.asarray(h0, dtype=float), np.asarray(dH, dtype=float)
    H = rnn_forward(X, h0, kernel, recurrent_kernel, bias)
    dX = np.zeros_like(X)
    g = np.zeros_like(h0)
    for t in reversed(range(X.shape[1])):
        h_prev = H[:, t - 1] if t > 0 else h0
        delta = (dH[:, t] + g) * (1 - H[:, t] ** 2)
        dX[:, t] = delta @ kernel.T
        dk = X[:, t].T @ delta
        drk = h_prev.T @ delta
        db = delta.sum(axis=0)
        g = delta @ recurrent_kernel.T
    return dX, g, dk, drk, db
