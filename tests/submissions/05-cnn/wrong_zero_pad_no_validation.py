"""Wrong: pads correctly, but raises no ValueError for a 3-D array, a negative p or a float p."""
# lose: test_zero_pad_validation
# keep: rest
import numpy as np


def zero_pad(image, p):
    image = np.asarray(image)
    p = int(p)
    if image.ndim == 2:
        return np.pad(image, p)
    return np.pad(image, ((0, 0), (p, p), (p, p), (0, 0)))
