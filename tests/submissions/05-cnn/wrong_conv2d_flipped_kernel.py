"""Wrong: a true (flipped) convolution via scipy.signal.convolve2d instead of the cross-correlation Keras computes."""
# lose: test_conv2d
# keep: rest
import numpy as np
from scipy import signal


def conv2d(image, kernel, stride=1, padding=0):
    image = np.asarray(image, dtype=float)
    kernel = np.asarray(kernel, dtype=float)
    if image.ndim != 2 or kernel.ndim != 2:
        raise ValueError("image and kernel must be 2-D")
    if isinstance(stride, bool) or not isinstance(stride, (int, np.integer)) or stride < 1:
        raise ValueError("stride must be a positive integer")
    x = np.pad(image, padding)
    if kernel.shape[0] > x.shape[0] or kernel.shape[1] > x.shape[1]:
        raise ValueError("kernel larger than the padded image")
    return signal.convolve2d(x, kernel, mode="valid")[::stride, ::stride]
