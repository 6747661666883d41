"""Wrong: train_mlp insists on Python ints and rejects numpy integers for hidden, epochs and seed (the exercise allows both)."""
# lose: test_train_mlp
# keep: rest
import numpy as np


def train_mlp(X, Y, hidden, lr, epochs, seed):
    for name, value in [("hidden", hidden), ("epochs", epochs), ("seed", seed)]:
        if type(value) is not int:
            raise TypeError(f"{name} must be an int, got {type(value).__name__}")
    X = np.asarray(X, dtype=float)
    Y = np.asarray(Y, dtype=float).reshape(-1, 1)
    rng = np.random.default_rng(seed)
    params = {"W1": rng.normal(size=(X.shape[1], hidden)) * 0.5, "b1": np.zeros(hidden),
              "W2": rng.normal(size=(hidden, 1)) * 0.5, "b2": np.zeros(1)}
    losses = []
    for _ in range(epochs):
        A2, cache = forward(X, params)
        losses.append(binary_cross_entropy(Y, A2))
        grads = backward(X, Y, params, cache)
        params = {k: params[k] - lr * grads[k] for k in params}
    return params, losses
