"""Wrong: "avg" and "sum" swapped (the average mode returns window sums and vice versa)."""
# lose: test_pool2d
# keep: rest
import numpy as np


def pool2d(image, size=2, stride=2, mode="max"):
    reducers = {"max": np.max, "min": np.min, "avg": np.sum, "sum": np.mean}
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
    out_h = (image.shape[0] - size) // stride + 1
    out_w = (image.shape[1] - size) // stride + 1
    out = np.empty((out_h, out_w))
    for i in range(out_h):
        for j in range(out_w):
            out[i, j] = reducers[mode](image[i * stride:i * stride + size, j * stride:j * stride + size])
    return out
