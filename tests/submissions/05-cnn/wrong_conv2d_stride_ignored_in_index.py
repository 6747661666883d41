"""Wrong: computes the right output size but reads patch (i, j) at (i, j) instead of (i*stride, j*stride)."""
# lose: test_conv2d
# keep: rest
import numpy as np


def conv2d(image, kernel, stride=1, padding=0):
    image = np.asarray(image, dtype=float)
    kernel = np.asarray(kernel, dtype=float)
    if image.ndim != 2 or kernel.ndim != 2:
        raise ValueError("image and kernel must be 2-D")
    if isinstance(stride, bool) or not isinstance(stride, (int, np.integer)) or stride < 1:
        raise ValueError("stride must be a positive integer")
    x = np.pad(image, padding)
    f = kernel.shape[0]
    if f > min(x.shape):
        raise ValueError("kernel larger than the padded image")
    out_h = (x.shape[0] - f) // stride + 1
    out_w = (x.shape[1] - f) // stride + 1
    out = np.zeros((out_h, out_w))
    for i in range(out_h):
        for j in range(out_w):
            out[i, j] = np.sum(x[i:i + f, j:j + f] * kernel)
    return out
