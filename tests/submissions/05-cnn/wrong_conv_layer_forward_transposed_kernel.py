"""Wrong: reads the filter bank as (f, f) transposed (W[v, u] for offset (u, v)), a layout slip."""
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
    for u in range(f):
        for v in range(f):
            patch = Xp[:, u:u + stride * (oh - 1) + 1:stride, v:v + stride * (ow - 1) + 1:stride, :]
            out += patch @ W[v, u]
    return out + b
