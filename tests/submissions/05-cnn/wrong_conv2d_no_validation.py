"""Wrong: correct values for valid input, but no ValueError for a kernel larger than the image (returns an empty map) or a fractional stride."""
# lose: test_conv2d_validation
# keep: rest
import numpy as np


def conv2d(image, kernel, stride=1, padding=0):
    x = np.pad(np.asarray(image, dtype=float), padding)
    kernel = np.asarray(kernel, dtype=float)
    f = kernel.shape[0]
    out_h = max(0, int((x.shape[0] - f) // stride + 1))
    out_w = max(0, int((x.shape[1] - f) // stride + 1))
    out = np.zeros((out_h, out_w))
    for i in range(out_h):
        for j in range(out_w):
            r, c = int(i * stride), int(j * stride)
            out[i, j] = np.sum(x[r:r + f, c:c + f] * kernel)
    return out
