"""Wrong: pools correctly, but the size and stride checks accept only Python ints, so np.int64(2) raises ValueError."""
# lose: test_pool2d_validation
# keep: rest
import numpy as np


def pool2d(image, size=2, stride=2, mode="max"):
    reducers = {"max": np.max, "min": np.min, "avg": np.mean, "sum": np.sum}
    if mode not in reducers:
        raise ValueError("unknown mode")
    image = np.asarray(image, dtype=float)
    if image.ndim != 2:
        raise ValueError("image must be 2-D")
    if type(size) is not int or type(stride) is not int or size < 1 or stride < 1:
        raise ValueError("size and stride must be positive ints")
    if size > min(image.shape):
        raise ValueError("window larger than the image")
    windows = np.lib.stride_tricks.sliding_window_view(image, (size, size))[::stride, ::stride]
    return reducers[mode](windows, axis=(2, 3))
