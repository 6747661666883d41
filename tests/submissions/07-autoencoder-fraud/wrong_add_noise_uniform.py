"""Wrong: uniform noise with the right mean and standard deviation, but not Gaussian."""
# lose: test_add_noise
# keep: rest
import numpy as np


def add_noise(X, std, rng):
    if std < 0:
        raise ValueError("std must be >= 0")
    X = np.asarray(X, dtype=float)
    half = std * np.sqrt(3.0)
    return X + rng.uniform(-half, half, size=X.shape)
