"""Wrong: draws the noise from numpy's global generator instead of rng (add_noise is not used)."""
# lose: test_train_denoising_autoencoder
# keep: rest
import keras
import numpy as np


def train_denoising_autoencoder(model, X, std, rng, *, epochs, batch_size=256, learning_rate=3e-3):
    X = np.asarray(X, dtype="float32")
    if X.ndim != 2:
        raise ValueError("X must be 2-D")
    if epochs < 1:
        raise ValueError("epochs must be at least 1")
    model.compile(optimizer=keras.optimizers.Adam(learning_rate), loss="mse")
    losses = []
    for _ in range(epochs):
        noisy = (X + np.random.normal(0.0, std, X.shape)).astype("float32")
        losses.append(model.fit(noisy, X, epochs=1, batch_size=batch_size, verbose=0).history["loss"][-1])
    return losses
