"""Wrong: pools correctly, but raises no ValueError for a bad size, stride or input (an unknown mode fails with a KeyError)."""
# lose: test_pool2d_validation
# keep: rest
import numpy as np


def pool2d(image, size=2, stride=2, mode="max"):
    image = np.asarray(image, dtype=float)
    size, stride = int(size), int(stride)
    windows = np.lib.stride_tricks.sliding_window_view(image, (size, size))[::stride, ::stride]
    reduce = {"max": np.max, "min": np.min, "avg": np.mean, "sum": np.sum}[mode]
    return reduce(windows, axis=(-2, -1))
