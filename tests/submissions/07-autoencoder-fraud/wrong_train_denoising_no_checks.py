"""Wrong: no argument checks (a 1-D X or epochs=0 pass silently)."""
# lose: test_train_denoising_autoencoder_validation
# keep: rest
import keras
import numpy as np


def train_denoising_autoencoder(model, X, std, rng, *, epochs, batch_size=256, learning_rate=3e-3):
    model.compile(optimizer=keras.optimizers.Adam(learning_rate), loss="mse")
    losses = []
    for _ in range(epochs):
        noisy = add_noise(X, std, rng).astype("float32")
        losses.append(model.fit(noisy, np.asarray(X, dtype="float32"), epochs=1, batch_size=batch_size, verbose=0).history["loss"][-1])
    return losses
