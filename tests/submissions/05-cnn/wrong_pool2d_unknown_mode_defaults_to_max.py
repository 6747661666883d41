"""Wrong: any unknown mode silently falls back to max pooling instead of raising ValueError."""
# lose: test_pool2d_validation
# keep: rest
import numpy as np


def pool2d(image, size=2, stride=2, mode="max"):
    reducers = {"min": np.min, "avg": np.mean, "sum": np.sum}
    reduce = reducers.get(mode, np.max)
    image = np.asarray(image, dtype=float)
    if image.ndim != 2:
        raise ValueError("image must be 2-D")
    if isinstance(stride, bool) or not isinstance(stride, (int, np.integer)) or stride < 1:
        raise ValueError("stride must be a positive integer")
    if size > min(image.shape):
        raise ValueError("window larger than the image")
    out_h = (image.shape[0] - size) // stride + 1
    out_w = (image.shape[1] - size) // stride + 1
    out = np.empty((out_h, out_w))
    for i in range(out_h):
        for j in range(out_w):
            out[i, j] = reduce(image[i * stride:i * stride + size, j * stride:j * stride + size])
    return out
