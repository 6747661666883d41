"""Correct, written differently: scipy.signal.correlate2d, sliding_window_view with method reductions, einsum over patches, math formulas, a CNN of another design (two convolution + pooling blocks, no hidden dense layer, about 6,100 parameters) built with model.add, separate activation layers and a Softmax layer; conv_layer_backward by im2col and np.add.at, max_pool_backward vectorised with argmax over all windows."""
# keep: rest
import keras
import numpy as np
from keras import layers
from numpy.lib.stride_tricks import sliding_window_view
from scipy import signal


def conv_output_size(n, f, padding=0, stride=1):
    if type(stride) is float or int(stride) != stride or stride < 1:
        raise ValueError("stride must be a positive integer")
    if n + 2 * padding - f < 0:
        raise ValueError("filter does not fit")
    return int(np.floor((n + 2 * padding - f) / stride)) + 1


def zero_pad(image, p):
    image = np.asarray(image)
    if not float(p).is_integer() or isinstance(p, float) or p < 0:
        raise ValueError("p must be a non-negative integer")
    if image.ndim not in (2, 4):
        raise ValueError("expected (h, w) or (n, h, w, c)")
    axes = [(p, p) if axis in ((0, 1) if image.ndim == 2 else (1, 2)) else (0, 0) for axis in range(image.ndim)]
    return np.pad(image, axes)


def conv2d(image, kernel, stride=1, padding=0):
    image, kernel = np.asarray(image, dtype=float), np.asarray(kernel, dtype=float)
    if image.ndim != 2 or kernel.ndim != 2:
        raise ValueError("image and kernel must be 2-D")
    if isinstance(stride, float) or stride < 1:
        raise ValueError("stride must be a positive integer")
    padded = np.pad(image, padding)
    if any(k > s for k, s in zip(kernel.shape, padded.shape)):
        raise ValueError("kernel larger than padded image")
    return signal.correlate2d(padded, kernel, mode="valid")[::stride, ::stride]


def pool2d(image, size=2, stride=2, mode="max"):
    ops = {"max": lambda w: w.max(axis=(-2, -1)), "min": lambda w: w.min(axis=(-2, -1)),
           "avg": lambda w: w.mean(axis=(-2, -1)), "sum": lambda w: w.sum(axis=(-2, -1))}
    if mode not in ops:
        raise ValueError("mode must be max, min, avg or sum")
    image = np.asarray(image, dtype=float)
    if image.ndim != 2 or isinstance(stride, float) or isinstance(size, float) or stride < 1 or size < 1:
        raise ValueError("bad arguments")
    if size > min(image.shape):
        raise ValueError("window larger than image")
    windows = sliding_window_view(image, (size, size))[::stride, ::stride]
    return ops[mode](windows)


def conv_layer_forward(X, W, b, stride=1, padding=0):
    X, W, b = np.asarray(X, dtype=float), np.asarray(W, dtype=float), np.asarray(b, dtype=float)
    if X.ndim != 4 or W.ndim != 4 or X.shape[-1] != W.shape[2] or b.shape != (W.shape[-1],):
        raise ValueError("shapes do not match")
    if isinstance(stride, float) or stride < 1:
        raise ValueError("stride must be a positive integer")
    Xp = np.pad(X, [(0, 0), (padding, padding), (padding, padding), (0, 0)])
    f = W.shape[0]
    if f > Xp.shape[1] or f > Xp.shape[2]:
        raise ValueError("filter larger than padded image")
    patches = sliding_window_view(Xp, (f, f), axis=(1, 2))[:, ::stride, ::stride]  # (n, h', w', c, f, f)
    return np.einsum("nhwcuv,uvco->nhwo", patches, W) + b


def conv_param_count(f, c_in, c_out):
    return c_out * (c_in * f ** 2 + 1)


def dense_param_count(n_in, n_out):
    return n_out * (n_in + 1)


def build_cnn(input_shape, n_classes):
    # Another design, about 6,100 parameters: two convolution + pooling blocks and no hidden dense layer.
    model = keras.Sequential()
    model.add(keras.Input(shape=input_shape))
    for filters in (16, 32):
        model.add(layers.Conv2D(filters=filters, kernel_size=(3, 3), padding="same"))
        model.add(layers.Activation("relu"))
        model.add(layers.MaxPooling2D(pool_size=2, strides=2))
    model.add(layers.Flatten())
    model.add(layers.Dense(n_classes))
    model.add(layers.Softmax())
    return model


def conv_layer_backward(dY, X, W, stride=1, padding=0):
    # im2col: all windows as rows of one matrix; dW and dX from two matrix products, np.add.at scatters back.
    dY, X, W = (np.asarray(a, dtype=float) for a in (dY, X, W))
    n, h, w, c_in = X.shape
    f, c_out = W.shape[0], W.shape[3]
    Xp = np.pad(X, [(0, 0), (padding, padding), (padding, padding), (0, 0)])
    oh, ow = dY.shape[1], dY.shape[2]
    windows = sliding_window_view(Xp, (f, f), axis=(1, 2))[:, ::stride, ::stride][:, :oh, :ow]  # (n, oh, ow, c, f, f)
    cols = windows.transpose(0, 1, 2, 4, 5, 3).reshape(n * oh * ow, f * f * c_in)
    grads = dY.reshape(n * oh * ow, c_out)
    dW = (cols.T @ grads).reshape(f, f, c_in, c_out)
    dcols = (grads @ W.reshape(f * f * c_in, c_out).T).reshape(n, oh, ow, f, f, c_in)
    bb, ii, jj, uu, vv = np.meshgrid(np.arange(n), np.arange(oh), np.arange(ow), np.arange(f), np.arange(f),
                                     indexing="ij")
    dXp = np.zeros_like(Xp)
    np.add.at(dXp, (bb, ii * stride + uu, jj * stride + vv), dcols)
    return dXp[:, padding:padding + h, padding:padding + w], dW, grads.sum(axis=0)


def max_pool_backward(d_out, image, size=2, stride=2):
    # All windows at once: argmax of each flattened window (the first maximum), then np.add.at.
    d_out, image = np.asarray(d_out, dtype=float), np.asarray(image, dtype=float)
    oh, ow = d_out.shape
    windows = sliding_window_view(image, (size, size))[::stride, ::stride][:oh, :ow]
    first = windows.reshape(oh, ow, size * size).argmax(axis=-1)
    rows = np.arange(oh)[:, None] * stride + first // size
    cols = np.arange(ow)[None, :] * stride + first % size
    d_image = np.zeros_like(image)
    np.add.at(d_image, (rows, cols), d_out)
    return d_image
