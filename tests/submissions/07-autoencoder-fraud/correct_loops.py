"""Correct, written differently: the functional Keras API (numpy integers accepted by an isinstance check), explicit loops for the errors and the counts, an order-statistic quantile on a sorted copy, std * standard_normal noise, a selection loop for the budget threshold, counting loops for the recall at a budget, a while loop over the epochs."""
# keep: rest
import keras
import numpy as np


def build_autoencoder(n_features, bottleneck, hidden=(16,)):
    widths = [int(w) for w in hidden]
    if not (isinstance(bottleneck, (int, np.integer)) and 0 < bottleneck < n_features):
        raise ValueError("bottleneck must be in 1 .. n_features - 1")
    for w in widths:
        if w < bottleneck:
            raise ValueError("a hidden layer is narrower than the bottleneck")
    n_features, bottleneck = int(n_features), int(bottleneck)
    inputs = keras.Input(shape=(n_features,))
    x = inputs
    for w in widths:
        x = keras.layers.Dense(w, activation="relu")(x)
    x = keras.layers.Dense(bottleneck, activation="linear", name="code")(x)
    for w in widths[::-1]:
        x = keras.layers.Dense(w, activation="relu")(x)
    outputs = keras.layers.Dense(n_features, activation=None)(x)
    return keras.Model(inputs, outputs, name="autoencoder")


def reconstruction_error(X, X_hat):
    if np.ndim(X) != 2 or np.shape(X) != np.shape(X_hat):
        raise ValueError("X and X_hat must be 2-D arrays of one shape")
    X, X_hat = np.asarray(X, dtype=float), np.asarray(X_hat, dtype=float)
    n, d = X.shape
    out = np.zeros(n)
    for i in range(n):
        total = 0.0
        for j in range(d):
            total += (X[i, j] - X_hat[i, j]) ** 2
        out[i] = total / d
    return out


def threshold_from_normal(errors, quantile=0.99):
    if not (0 < quantile < 1):
        raise ValueError("quantile must be in (0, 1)")
    values = sorted(float(e) for e in np.ravel(errors))
    if np.ndim(errors) != 1 or not values:
        raise ValueError("errors must be a non-empty 1-D array")
    k = int(np.ceil(quantile * len(values))) - 1   # the inverted-CDF definition
    return values[max(k, 0)]


def precision_recall(y_true, flagged):
    y_true, flagged = list(y_true), list(flagged)
    if len(y_true) != len(flagged):
        raise ValueError("different lengths")
    tp = fp = fn = 0
    for t, f in zip(y_true, flagged):
        if t and f:
            tp += 1
        elif f:
            fp += 1
        elif t:
            fn += 1
    precision = 0.0 if tp + fp == 0 else tp / (tp + fp)
    recall = 0.0 if tp + fn == 0 else tp / (tp + fn)
    return precision, recall


def add_noise(X, std, rng):
    if std < 0:
        raise ValueError("std must not be negative")
    X = np.array(X, dtype=float)
    return X + std * rng.standard_normal(X.shape)


def threshold_for_budget(scores, budget):
    if not (0 <= budget <= 1):
        raise ValueError("budget must be in [0, 1]")
    if np.ndim(scores) != 1 or len(scores) == 0:
        raise ValueError("scores must be a non-empty 1-D array")
    remaining = [float(s) for s in scores]
    k = int(budget * len(remaining))
    # remove the k largest one at a time; the largest left is the (k+1)-th largest
    for _ in range(k):
        remaining.remove(max(remaining))
    return max(remaining) if remaining else -np.inf


def recall_at_budget(scores, labels, budget):
    scores, labels = list(scores), list(labels)
    if len(scores) != len(labels):
        raise ValueError("different lengths")
    t = threshold_for_budget(scores, budget)
    frauds = caught = 0
    for s, y in zip(scores, labels):
        if y:
            frauds += 1
            if s > t:
                caught += 1
    return caught / frauds if frauds else 0.0


def train_denoising_autoencoder(model, X, std, rng, *, epochs, batch_size=256, learning_rate=3e-3):
    X = np.array(X, dtype="float32")
    if len(X.shape) != 2 or epochs <= 0:
        raise ValueError("X must be 2-D and epochs >= 1")
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=learning_rate), loss="mean_squared_error")
    losses, epoch = [], 0
    while epoch < epochs:
        noisy = add_noise(X, std, rng)
        history = model.fit(noisy.astype(np.float32), X, batch_size=batch_size, epochs=1, verbose=0)
        losses.append(history.history["loss"][0])
        epoch += 1
    return losses
