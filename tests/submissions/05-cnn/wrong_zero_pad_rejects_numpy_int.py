"""Wrong: pads correctly, but accepts only a Python int p, so np.int64(1) raises ValueError."""
# lose: test_zero_pad_validation
# keep: rest
import numpy as np


def zero_pad(image, p):
    image = np.asarray(image)
    if not isinstance(p, int) or isinstance(p, bool) or p < 0:
        raise ValueError("p must be a non-negative int")
    if image.ndim == 2:
        return np.pad(image, p)
    if image.ndim == 4:
        return np.pad(image, ((0, 0), (p, p), (p, p), (0, 0)))
    raise ValueError("image must be (h, w) or (n, h, w, c)")
