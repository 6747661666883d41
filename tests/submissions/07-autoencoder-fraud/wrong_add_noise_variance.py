"""Wrong: uses std**2 (the variance) as the scale of the noise."""
# lose: test_add_noise test_train_denoising_autoencoder
# keep: rest
import numpy as np


def add_noise(X, std, rng):
    if std < 0:
        raise ValueError("std must be >= 0")
    X = np.asarray(X, dtype=float)
    return X + rng.normal(0.0, std ** 2, size=X.shape)
