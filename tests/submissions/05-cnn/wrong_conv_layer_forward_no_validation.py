"""Wrong: computes the layer correctly, but raises no ValueError for mismatched shapes or a bad stride."""
# lose: test_conv_layer_forward_validation
# keep: rest
import numpy as np


def conv_layer_forward(X, W, b, stride=1, padding=0):
    X, W, b = np.asarray(X, dtype=float), np.asarray(W, dtype=float), np.asarray(b, dtype=float)
    stride, padding = int(stride), int(padding)
    Xp = np.pad(X, ((0, 0), (padding, padding), (padding, padding), (0, 0)))
    f = W.shape[0]
    patches = np.lib.stride_tricks.sliding_window_view(Xp, (f, f), axis=(1, 2))[:, ::stride, ::stride]
    return np.einsum("nhwcuv,uvco->nhwo", patches, W) + b
