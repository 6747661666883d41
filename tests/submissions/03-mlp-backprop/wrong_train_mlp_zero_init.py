"""Wrong: train_mlp starts from all-zero weights, so the hidden units never break symmetry (and get no gradient)."""
# lose: test_train_mlp
# keep: rest
import numpy as np


def train_mlp(X, Y, hidden, lr, epochs, seed):
    X = np.asarray(X, dtype=float)
    Y = np.asarray(Y, dtype=float).reshape(-1, 1)
    params = {"W1": np.zeros((X.shape[1], hidden)), "b1": np.zeros(hidden),
              "W2": np.zeros((hidden, 1)), "b2": np.zeros(1)}
    losses = []
    for _ in range(epochs):
        A2, cache = forward(X, params)
        losses.append(binary_cross_entropy(Y, A2))
        grads = backward(X, Y, params, cache)
        params = {k: params[k] - lr * grads[k] for k in params}
    return params, losses
