"""Correct, written differently: explicit loops over output positions, images and filters, conv_layer_forward built on conv2d, a functional-API CNN of another design (16 and 32 filters, a 32-unit dense layer, about 21,500 parameters); conv_layer_backward with loops and np.add.at, max_pool_backward scanning each window."""
# keep: rest
import keras
import numpy as np
from keras import layers


def conv_output_size(n, f, padding=0, stride=1):
    if isinstance(stride, bool) or not isinstance(stride, (int, np.integer)) or stride <= 0:
        raise ValueError("stride must be a positive integer")
    size = n + 2 * padding
    if f > size:
        raise ValueError("filter larger than padded input")
    count = 0
    start = 0
    while start + f <= size:
        count += 1
        start += stride
    return count


def zero_pad(image, p):
    image = np.asarray(image)
    if isinstance(p, bool) or not isinstance(p, (int, np.integer)) or p < 0:
        raise ValueError("p must be a non-negative integer")
    if image.ndim == 2:
        out = np.zeros((image.shape[0] + 2 * p, image.shape[1] + 2 * p), dtype=image.dtype)
        out[p:p + image.shape[0], p:p + image.shape[1]] = image
        return out
    if image.ndim == 4:
        n, h, w, c = image.shape
        out = np.zeros((n, h + 2 * p, w + 2 * p, c), dtype=image.dtype)
        out[:, p:p + h, p:p + w, :] = image
        return out
    raise ValueError("expected (h, w) or (n, h, w, c)")


def conv2d(image, kernel, stride=1, padding=0):
    image = np.asarray(image, dtype=float)
    kernel = np.asarray(kernel, dtype=float)
    if image.ndim != 2 or kernel.ndim != 2:
        raise ValueError("image and kernel must be 2-D")
    if not isinstance(stride, (int, np.integer)) or isinstance(stride, bool) or stride < 1:
        raise ValueError("bad stride")
    h, w = image.shape[0] + 2 * padding, image.shape[1] + 2 * padding
    padded = np.zeros((h, w))
    padded[padding:padding + image.shape[0], padding:padding + image.shape[1]] = image
    f = kernel.shape[0]
    if f > h or f > w:
        raise ValueError("kernel larger than padded image")
    rows = []
    for r in range(0, h - f + 1, stride):
        row = []
        for c in range(0, w - f + 1, stride):
            total = 0.0
            for u in range(f):
                for v in range(f):
                    total += kernel[u, v] * padded[r + u, c + v]
            row.append(total)
        rows.append(row)
    return np.array(rows)


def pool2d(image, size=2, stride=2, mode="max"):
    if mode not in ("max", "min", "avg", "sum"):
        raise ValueError("unknown mode")
    image = np.asarray(image, dtype=float)
    if image.ndim != 2:
        raise ValueError("image must be 2-D")
    for value in (size, stride):
        if not isinstance(value, (int, np.integer)) or isinstance(value, bool) or value < 1:
            raise ValueError("size and stride must be positive integers")
    if size > image.shape[0] or size > image.shape[1]:
        raise ValueError("window larger than image")
    rows = []
    for r in range(0, image.shape[0] - size + 1, stride):
        row = []
        for c in range(0, image.shape[1] - size + 1, stride):
            window = image[r:r + size, c:c + size]
            if mode == "max":
                row.append(window.max())
            elif mode == "min":
                row.append(window.min())
            elif mode == "avg":
                row.append(window.sum() / window.size)
            else:
                row.append(window.sum())
        rows.append(row)
    return np.array(rows)


def conv_layer_forward(X, W, b, stride=1, padding=0):
    X = np.asarray(X, dtype=float)
    W = np.asarray(W, dtype=float)
    b = np.asarray(b, dtype=float)
    if X.ndim != 4 or W.ndim != 4:
        raise ValueError("X and W must be 4-D")
    if X.shape[3] != W.shape[2] or b.shape != (W.shape[3],):
        raise ValueError("channel counts do not match")
    maps = []
    for image in X:
        channels = []
        for o in range(W.shape[3]):
            total = b[o]
            for c in range(W.shape[2]):
                total = total + conv2d(image[:, :, c], W[:, :, c, o], stride=stride, padding=padding)
            channels.append(total)
        maps.append(np.stack(channels, axis=-1))
    return np.stack(maps)


def conv_param_count(f, c_in, c_out):
    return f * f * c_in * c_out + c_out


def dense_param_count(n_in, n_out):
    return n_in * n_out + n_out


def build_cnn(input_shape, n_classes):
    # Functional API, a design of about 21,500 parameters: 16 then 32 filters, one pooling, a 32-unit dense layer.
    inputs = keras.Input(shape=input_shape)
    x = layers.Conv2D(16, (3, 3), padding="same", activation="relu")(inputs)
    x = layers.Conv2D(32, (3, 3), padding="same", activation="relu")(x)
    x = layers.MaxPooling2D(pool_size=(2, 2))(x)
    x = layers.Dropout(0.25)(x)
    x = layers.Flatten()(x)
    x = layers.Dense(32, activation="relu")(x)
    outputs = layers.Dense(n_classes, activation="softmax")(x)
    return keras.Model(inputs, outputs)


def conv_layer_backward(dY, X, W, stride=1, padding=0):
    # Explicit loops over images, output positions and filters; np.add.at scatters into dX.
    dY, X, W = (np.asarray(a, dtype=float) for a in (dY, X, W))
    n, h, w, c_in = X.shape
    f, c_out = W.shape[0], W.shape[3]
    padded = np.zeros((n, h + 2 * padding, w + 2 * padding, c_in))
    padded[:, padding:padding + h, padding:padding + w, :] = X
    d_padded = np.zeros_like(padded)
    dW = np.zeros(W.shape)
    db = np.zeros(c_out)
    for b in range(n):
        for i in range(dY.shape[1]):
            for j in range(dY.shape[2]):
                top, left = i * stride, j * stride
                for o in range(c_out):
                    g = dY[b, i, j, o]
                    db[o] += g
                    dW[:, :, :, o] += g * padded[b, top:top + f, left:left + f, :]
                    np.add.at(d_padded, (b, slice(top, top + f), slice(left, left + f), slice(None)),
                              g * W[:, :, :, o])
    return d_padded[:, padding:padding + h, padding:padding + w, :], dW, db


def max_pool_backward(d_out, image, size=2, stride=2):
    # Scan each window row by row, keeping the first strictly larger value.
    d_out = np.asarray(d_out, dtype=float)
    image = np.asarray(image, dtype=float)
    grad = [[0.0] * image.shape[1] for _ in range(image.shape[0])]
    for i in range(d_out.shape[0]):
        for j in range(d_out.shape[1]):
            best_r, best_c = i * stride, j * stride
            for r in range(i * stride, i * stride + size):
                for c in range(j * stride, j * stride + size):
                    if image[r, c] > image[best_r, best_c]:
                        best_r, best_c = r, c
            grad[best_r][best_c] += d_out[i, j]
    return np.array(grad)
