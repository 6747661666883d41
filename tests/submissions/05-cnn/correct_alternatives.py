"""Correct, written differently: scipy.signal.correlate2d, sliding_window_view with method reductions, einsum over patches, math formulas, a CNN built with model.add, separate activation layers and a Softmax layer."""
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
    model = keras.Sequential()
    model.add(keras.Input(shape=input_shape))
    for _ in range(2):
        model.add(layers.Conv2D(filters=32, kernel_size=(3, 3), padding="same"))
        model.add(layers.Activation("relu"))
    model.add(layers.MaxPooling2D(pool_size=2, strides=2))
    model.add(layers.Dropout(0.2))
    model.add(layers.Flatten())
    model.add(layers.Dense(96))
    model.add(layers.ReLU())
    model.add(layers.Dropout(0.2))
    model.add(layers.Dense(n_classes))
    model.add(layers.Softmax())
    return model
