"""Wrong: pads only after the image (bottom and right), not on each side."""
# lose: test_zero_pad
# keep: rest
import numpy as np


def zero_pad(image, p):
    image = np.asarray(image)
    if isinstance(p, bool) or not isinstance(p, (int, np.integer)) or p < 0:
        raise ValueError("p must be a non-negative integer")
    if image.ndim == 2:
        return np.pad(image, ((0, 2 * p), (0, 2 * p)))
    if image.ndim == 4:
        return np.pad(image, ((0, 0), (0, 2 * p), (0, 2 * p), (0, 0)))
    raise ValueError("image must be (h, w) or (n, h, w, c)")
