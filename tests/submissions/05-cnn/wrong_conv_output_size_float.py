"""Wrong: true division without floor, returns a float (and a fraction when the stride does not divide evenly)."""
# lose: test_conv_output_size
# keep: rest
import numpy as np


def conv_output_size(n, f, padding=0, stride=1):
    if isinstance(stride, bool) or not isinstance(stride, (int, np.integer)) or stride < 1:
        raise ValueError("stride must be a positive integer")
    if f > n + 2 * padding:
        raise ValueError("filter larger than the padded input")
    return (n + 2 * padding - f) / stride + 1
