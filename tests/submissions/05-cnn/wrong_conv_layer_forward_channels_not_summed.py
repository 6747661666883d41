"""Wrong: uses only the first input channel of each filter instead of summing over all input channels."""
# lose: test_conv_layer_forward
# keep: rest
import numpy as np


def conv_layer_forward(X, W, b, stride=1, padding=0):
    X, W, b = (np.asarray(a, dtype=float) for a in (X, W, b))
    if X.ndim != 4 or W.ndim != 4 or X.shape[3] != W.shape[2] or b.shape != (W.shape[3],):
        raise ValueError("bad shapes")
    if isinstance(stride, bool) or not isinstance(stride, (int, np.integer)) or stride < 1:
        raise ValueError("stride must be a positive integer")
    Xp = np.pad(X, ((0, 0), (padding, padding), (padding, padding), (0, 0)))
    f = W.shape[0]
    if f > min(Xp.shape[1:3]):
        raise ValueError("filter larger than the padded image")
    oh, ow = (Xp.shape[1] - f) // stride + 1, (Xp.shape[2] - f) // stride + 1
    out = np.zeros((X.shape[0], oh, ow, W.shape[3]))
    for i in range(oh):
        for j in range(ow):
            patch = Xp[:, i * stride:i * stride + f, j * stride:j * stride + f, 0]
            out[:, i, j, :] = np.tensordot(patch, W[:, :, 0, :], axes=([1, 2], [0, 1]))
    return out + b
