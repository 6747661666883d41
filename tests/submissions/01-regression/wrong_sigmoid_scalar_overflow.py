"""Wrong: sigmoid is overflow-safe for arrays but takes math.exp(-z) for a single number,
which raises OverflowError for z = -1000 (the exercise asks for numbers and arrays)."""
# lose: test_sigmoid_no_overflow
# keep: rest
import math

import numpy as np


def sigmoid(z):
    if np.ndim(z) == 0:
        return 1.0 / (1.0 + math.exp(-float(z)))
    z = np.asarray(z, dtype=float)
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
