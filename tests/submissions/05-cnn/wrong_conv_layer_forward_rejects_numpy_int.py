"""Wrong: computes the layer correctly, but the stride check accepts only Python ints, so stride=np.int64(2) raises ValueError."""
# lose: test_conv_layer_forward_validation
# keep: rest
import numpy as np


def conv_layer_forward(X, W, b, stride=1, padding=0):
    X, W, b = np.asarray(X, dtype=float), np.asarray(W, dtype=float), np.asarray(b, dtype=float)
    if X.ndim != 4 or W.ndim != 4 or X.shape[3] != W.shape[2] or b.shape != (W.shape[3],):
        raise ValueError("shapes do not match")
    if type(stride) is not int or stride < 1:
        raise ValueError("stride must be a positive int")
    Xp = np.pad(X, ((0, 0), (padding, padding), (padding, padding), (0, 0)))
    f = W.shape[0]
    if f > Xp.shape[1] or f > Xp.shape[2]:
        raise ValueError("filter larger than the padded images")
    patches = np.lib.stride_tricks.sliding_window_view(Xp, (f, f), axis=(1, 2))[:, ::stride, ::stride]
    return np.einsum("nhwcuv,uvco->nhwo", patches, W) + b
