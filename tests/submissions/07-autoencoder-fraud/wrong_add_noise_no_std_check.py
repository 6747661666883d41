"""Wrong: scales standard normal noise by std without checking it, so a negative std is accepted."""
# lose: test_add_noise_validation
# keep: rest
import numpy as np


def add_noise(X, std, rng):
    X = np.asarray(X, dtype=float)
    return X + std * rng.standard_normal(X.shape)
