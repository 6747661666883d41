"""Wrong: np.pad with a single width pads every axis, including the batch and channel axes of a 4-D batch."""
# lose: test_zero_pad
# keep: rest
import numpy as np


def zero_pad(image, p):
    image = np.asarray(image)
    if isinstance(p, bool) or not isinstance(p, (int, np.integer)) or p < 0:
        raise ValueError("p must be a non-negative integer")
    if image.ndim not in (2, 4):
        raise ValueError("image must be (h, w) or (n, h, w, c)")
    return np.pad(image, p)
