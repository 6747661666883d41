"""Wrong: builds the noise shape from X.shape[0] and X.shape[1], so a 1-D X fails."""
# lose: test_add_noise
# keep: rest
import numpy as np


def add_noise(X, std, rng):
    if std < 0:
        raise ValueError("std must be >= 0")
    X = np.asarray(X, dtype=float)
    return X + rng.normal(0.0, std, size=(X.shape[0], X.shape[1]))
