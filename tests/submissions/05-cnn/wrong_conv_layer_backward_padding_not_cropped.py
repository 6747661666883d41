"""Wrong: returns the gradient of the padded input, shape (n, h + 2p, w + 2p, c_in), instead of cropping the padding off."""
# lose: test_conv_layer_backward
# keep: rest
import numpy as np


def conv_layer_backward(dY, X, W, stride=1, padding=0):
    dY, X, W = (np.asarray(a, dtype=float) for a in (dY, X, W))
    f = W.shape[0]
    oh, ow = dY.shape[1:3]
    Xp = np.pad(X, ((0, 0), (padding, padding), (padding, padding), (0, 0)))
    dXp = np.zeros_like(Xp)
    dW = np.zeros_like(W)
    for u in range(f):
        for v in range(f):
            rows = slice(u, u + stride * (oh - 1) + 1, stride)
            cols = slice(v, v + stride * (ow - 1) + 1, stride)
            dW[u, v] = np.einsum("nijc,nijo->co", Xp[:, rows, cols, :], dY)
            dXp[:, rows, cols, :] += dY @ W[u, v].T
    return dXp, dW, dY.sum(axis=(0, 1, 2))
