"""Correct, written differently: a Sequential built from a list, np.square(...).mean(-1), np.percentile with method="higher", scikit-learn's precision_score/recall_score, noise scaled after drawing, np.partition for the budget threshold and recall_score at the budget, a training loop with keyword arguments and a History read by index."""
# keep: rest
import keras
import math

import numpy as np
from sklearn.metrics import precision_score, recall_score


def build_autoencoder(n_features, bottleneck, hidden=(16,)):
    n_features, bottleneck, hidden = int(n_features), int(bottleneck), tuple(map(int, hidden))
    if bottleneck <= 0 or bottleneck >= n_features or min(list(hidden) + [bottleneck]) != bottleneck:
        raise ValueError("invalid bottleneck")
    encoder = [keras.layers.Dense(h, activation="relu") for h in hidden]
    decoder = [keras.layers.Dense(h, activation="relu") for h in hidden[::-1]]
    return keras.Sequential([keras.Input((n_features,)), *encoder, keras.layers.Dense(bottleneck),
                             *decoder, keras.layers.Dense(n_features)])


def reconstruction_error(X, X_hat):
    X, X_hat = np.asarray(X, dtype=float), np.asarray(X_hat, dtype=float)
    if X.shape != X_hat.shape or X.ndim != 2:
        raise ValueError(f"shape mismatch: {X.shape} vs {X_hat.shape}")
    return np.square(X_hat - X).mean(axis=-1)


def threshold_from_normal(errors, quantile=0.99):
    errors = np.asarray(errors, dtype=float)
    if quantile <= 0 or quantile >= 1 or errors.ndim != 1 or len(errors) == 0:
        raise ValueError("bad arguments")
    return float(np.percentile(errors, 100 * quantile, method="higher"))


def precision_recall(y_true, flagged):
    y_true = np.asarray(y_true).astype(int)
    flagged = np.asarray(flagged).astype(int)
    if len(y_true) != len(flagged):
        raise ValueError("different lengths")
    return (float(precision_score(y_true, flagged, zero_division=0)),
            float(recall_score(y_true, flagged, zero_division=0)))


def add_noise(X, std, rng):
    if std < 0:
        raise ValueError("negative std")
    return np.asarray(X, dtype=float) + rng.normal(size=np.shape(X)) * std


def threshold_for_budget(scores, budget):
    s = np.array(scores, dtype=float)
    if s.ndim != 1 or len(s) == 0:
        raise ValueError("scores must be 1-D and non-empty")
    if budget < 0 or budget > 1:
        raise ValueError("budget must be a share in [0, 1]")
    n = len(s)
    k = math.floor(n * budget)
    if k >= n:
        return float("-inf")
    # the (k+1)-th largest is the (n-k)-th smallest, at index n-k-1 once partitioned
    return float(np.partition(s, n - k - 1)[n - k - 1])


def recall_at_budget(scores, labels, budget):
    if len(scores) != len(labels):
        raise ValueError("scores and labels must have the same length")
    t = threshold_for_budget(scores, budget)
    flagged = (np.asarray(scores, dtype=float) > t).astype(int)
    return float(recall_score(np.asarray(labels).astype(int), flagged, zero_division=0))


def train_denoising_autoencoder(model, X, std, rng, *, epochs, batch_size=256, learning_rate=3e-3):
    if np.ndim(X) != 2:
        raise ValueError("X must be a 2-D array")
    if epochs < 1:
        raise ValueError("at least one epoch")
    clean = np.array(X, dtype=np.float32)
    model.compile(loss=keras.losses.MeanSquaredError(), optimizer=keras.optimizers.Adam(learning_rate=learning_rate))
    history = []
    for epoch in range(epochs):
        corrupted = np.float32(add_noise(clean, std, rng))
        h = model.fit(x=corrupted, y=clean, batch_size=batch_size, epochs=1, verbose=0, shuffle=True)
        history.append(h.history["loss"][0])
    return history
