"""Wrong: train_softmax_mlp draws its initial weights from numpy's global generator without seeding it, so the same seed gives different losses; it still learns."""
# lose: test_train_softmax_mlp
# keep: rest
import numpy as np


def train_softmax_mlp(X, Y, hidden, lr, epochs, seed):
    X, Y = np.asarray(X, dtype=float), np.asarray(Y, dtype=float)
    (n, d), k = X.shape, Y.shape[1]
    params = {"W1": np.random.normal(size=(d, hidden)) * 0.5, "b1": np.zeros(hidden),
              "W2": np.random.normal(size=(hidden, k)) * 0.5, "b2": np.zeros(k)}
    losses = []
    for _ in range(epochs):
        A1 = np.tanh(X @ params["W1"] + params["b1"])
        P = softmax(A1 @ params["W2"] + params["b2"])
        losses.append(categorical_cross_entropy(Y, P))
        dZ2 = (P - Y) / n
        dZ1 = dZ2 @ params["W2"].T * (1 - A1 ** 2)
        grads = {"W1": X.T @ dZ1, "b1": dZ1.sum(axis=0), "W2": A1.T @ dZ2, "b2": dZ2.sum(axis=0)}
        params = {k_: params[k_] - lr * grads[k_] for k_ in params}
    return params, losses
