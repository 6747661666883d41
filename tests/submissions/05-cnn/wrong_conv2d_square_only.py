"""Wrong: assumes a square image (uses the height for both output axes), so non-square images come out wrong."""
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
    out = (x.shape[0] - f) // stride + 1
    result = np.zeros((out, out))
    for i in range(out):
        for j in range(out):
            result[i, j] = np.sum(x[i * stride:i * stride + f, j * stride:j * stride + f] * kernel)
    return result
