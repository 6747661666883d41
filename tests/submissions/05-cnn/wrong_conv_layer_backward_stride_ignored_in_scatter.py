"""Wrong: scatters dX to the window at (i + u, j + v) instead of (i * stride + u, j * stride + v); dW uses the right windows."""
# lose: test_conv_layer_backward
# keep: rest
import numpy as np


def conv_layer_backward(dY, X, W, stride=1, padding=0):
    dY, X, W = (np.asarray(a, dtype=float) for a in (dY, X, W))
    n, h, w, c_in = X.shape
    f = W.shape[0]
    oh, ow = dY.shape[1:3]
    Xp = np.pad(X, ((0, 0), (padding, padding), (padding, padding), (0, 0)))
    dXp = np.zeros_like(Xp)
    dW = np.zeros_like(W)
    for i in range(oh):
        for j in range(ow):
            window = Xp[:, i * stride:i * stride + f, j * stride:j * stride + f, :]
            dW += np.einsum("nuvc,no->uvco", window, dY[:, i, j, :])
            dXp[:, i:i + f, j:j + f, :] += np.einsum("uvco,no->nuvc", W, dY[:, i, j, :])
    return dXp[:, padding:padding + h, padding:padding + w, :], dW, dY.sum(axis=(0, 1, 2))
