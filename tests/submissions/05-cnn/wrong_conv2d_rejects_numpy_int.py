"""Wrong: right feature maps, but the stride check accepts only Python ints, so stride=np.int64(2) raises ValueError."""
# lose: test_conv2d_validation
# keep: rest
import numpy as np
from scipy import signal


def conv2d(image, kernel, stride=1, padding=0):
    image, kernel = np.asarray(image, dtype=float), np.asarray(kernel, dtype=float)
    if image.ndim != 2 or kernel.ndim != 2:
        raise ValueError("image and kernel must be 2-D")
    if type(stride) is not int or stride < 1:
        raise ValueError("stride must be a positive int")
    padded = np.pad(image, padding)
    if kernel.shape[0] > min(padded.shape):
        raise ValueError("kernel larger than the padded image")
    return signal.correlate2d(padded, kernel, mode="valid")[::stride, ::stride]
