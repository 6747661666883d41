"""Wrong: rnn_backward treats every step on its own: the gradient of h_t is only dH[:, t], nothing flows back from step t + 1 (only the local gradient per step)."""
# lose: test_rnn_backward
# keep: rest
import numpy as np


def rnn_backward(dH, X, h0, kernel, recurrent_kernel, bias):
    X, h0, dH = np.asarray(X, dtype=float), np.asarray(h0, dtype=float), np.asarray(dH, dtype=float)
    H = rnn_forward(X, h0, kernel, recurrent_kernel, bias)
    dX = np.zeros_like(X)
    dk, drk, db = np.zeros_like(kernel, dtype=float), np.zeros_like(recurrent_kernel, dtype=float), np.zeros(H.shape[2])
    dh0 = np.zeros_like(h0)
    for t in range(X.shape[1]):
        h_prev = H[:, t - 1] if t > 0 else h0
        delta = dH[:, t] * (1 - H[:, t] ** 2)
        dX[:, t] = delta @ kernel.T
        dk += X[:, t].T @ delta
        drk += h_prev.T @ delta
        db += delta.sum(axis=0)
        if t == 0:
            dh0 = delta @ recurrent_kernel.T
    return dX, dh0, dk, drk, db
