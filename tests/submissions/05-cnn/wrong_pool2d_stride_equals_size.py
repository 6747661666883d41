"""Wrong: reshapes into non-overlapping blocks, silently using stride = size (overlapping windows come out wrong)."""
# lose: test_pool2d
# keep: rest
import numpy as np


def pool2d(image, size=2, stride=2, mode="max"):
    reducers = {"max": np.max, "min": np.min, "avg": np.mean, "sum": np.sum}
    if mode not in reducers:
        raise ValueError("unknown mode")
    image = np.asarray(image, dtype=float)
    if image.ndim != 2:
        raise ValueError("image must be 2-D")
    for value in (size, stride):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
            raise ValueError("size and stride must be positive integers")
    if size > min(image.shape):
        raise ValueError("window larger than the image")
    h, w = image.shape[0] // size * size, image.shape[1] // size * size
    blocks = image[:h, :w].reshape(h // size, size, w // size, size)
    return reducers[mode](blocks, axis=(1, 3))
