"""Wrong: train_mlp ignores the seed (a fresh, unseeded generator), so two runs with the same seed give different networks; it still learns."""
# lose: test_train_mlp
# keep: rest
import numpy as np


def train_mlp(X, Y, hidden, lr, epochs, seed):
    X = np.asarray(X, dtype=float)
    Y = np.asarray(Y, dtype=float).reshape(-1, 1)
    rng = np.random.default_rng()
    params = {"W1": rng.normal(size=(X.shape[1], hidden)) * 0.5, "b1": np.zeros(hidden),
              "W2": rng.normal(size=(hidden, 1)) * 0.5, "b2": np.zeros(1)}
    losses = []
    for _ in range(epochs):
        A2, cache = forward(X, params)
        losses.append(binary_cross_entropy(Y, A2))
        grads = backward(X, Y, params, cache)
        params = {k: params[k] - lr * grads[k] for k in params}
    return params, losses
