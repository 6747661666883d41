"""Wrong: the lecture notes' slip, padding counted twice (adds 2p to the already padded size), so 16x16 with p=2 gives 22."""
# lose: test_conv_output_size
# keep: rest
import numpy as np


def conv_output_size(n, f, padding=0, stride=1):
    if isinstance(stride, bool) or not isinstance(stride, (int, np.integer)) or stride < 1:
        raise ValueError("stride must be a positive integer")
    if f > n + 2 * padding:
        raise ValueError("filter larger than the padded input")
    padded = n + 2 * padding
    return int((padded - f + 2 * padding) // stride + 1)
