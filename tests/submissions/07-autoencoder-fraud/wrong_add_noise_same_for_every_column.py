"""Wrong: draws one noise value per row and adds it to every column of that row."""
# lose: test_add_noise
# keep: rest
import numpy as np


def add_noise(X, std, rng):
    if std < 0:
        raise ValueError("std must be >= 0")
    X = np.asarray(X, dtype=float)
    return X + rng.normal(0.0, std, size=(X.shape[0],) + (1,) * (X.ndim - 1))
