"""Wrong: step overwrites the caller's array with its 0/1 decisions (right values, but
the input z is changed)."""
# lose: test_step
# keep: rest
import numpy as np


def step(z):
    z = np.asarray(z)
    if z.ndim == 0:
        return int(z >= 0)
    z[z >= 0] = 1
    z[z < 0] = 0
    return z.astype(int)
