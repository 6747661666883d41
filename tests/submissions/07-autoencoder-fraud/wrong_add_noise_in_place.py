"""Wrong: adds the noise to X in place, changing the caller's array."""
# lose: test_add_noise test_train_denoising_autoencoder
# keep: rest
import numpy as np


def add_noise(X, std, rng):
    if std < 0:
        raise ValueError("std must be >= 0")
    X = np.asarray(X)
    X += rng.normal(0.0, std, size=X.shape)
    return X
