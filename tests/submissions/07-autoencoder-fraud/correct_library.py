"""Correct, written differently: a Sequential built from a list, np.square(...).mean(-1), np.percentile with method="higher", scikit-learn's precision_score/recall_score, noise scaled after drawing."""
# keep: rest
import keras
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
