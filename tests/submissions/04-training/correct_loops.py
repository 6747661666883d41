"""Correct, written with explicit Python loops instead of vectorised numpy (slower, same results); the batch-norm gradient summed path by path over the n x n derivatives of each column."""
# keep: rest
import math

import numpy as np


def standardize_fit(X_train):
    X_train = np.asarray(X_train, dtype=float)
    n, d = X_train.shape
    mean = np.zeros(d)
    std = np.zeros(d)
    for j in range(d):
        total = 0.0
        for i in range(n):
            total += X_train[i, j]
        mean[j] = total / n
        sq = 0.0
        for i in range(n):
            sq += (X_train[i, j] - mean[j]) ** 2
        std[j] = math.sqrt(sq / n) if sq > 0 else 1.0
    return mean, std


def standardize_apply(X, mean, std):
    X = np.asarray(X, dtype=float)
    out = np.empty_like(X)
    for i in range(X.shape[0]):
        for j in range(X.shape[1]):
            out[i, j] = (X[i, j] - mean[j]) / std[j]
    return out


def l2_penalty(params, lam):
    total = 0.0
    for key in params:
        if key[0] == "W":
            for value in np.ravel(params[key]):
                total += value * value
    return lam * total


def l1_penalty(params, lam):
    total = 0.0
    for key in params:
        if key[0] == "W":
            for value in np.ravel(params[key]):
                total += abs(value)
    return lam * total


def dropout_forward(A, rate, rng, training=True):
    A = np.asarray(A, dtype=float)
    out = A.copy()
    mask = np.ones(A.shape, dtype=bool)
    if not training or rate == 0:
        return out, mask
    u = rng.uniform(0.0, 1.0, size=A.shape)
    for idx in np.ndindex(A.shape):
        if u[idx] < rate:
            mask[idx] = False
            out[idx] = 0.0
        else:
            out[idx] = A[idx] / (1.0 - rate)
    return out, mask


def early_stopping(val_losses, patience, min_delta=0.0):
    best_epoch = 0
    last = len(val_losses) - 1
    for epoch in range(1, len(val_losses)):
        if val_losses[epoch] < val_losses[best_epoch] - min_delta:
            best_epoch = epoch
        elif epoch - best_epoch >= patience:
            return best_epoch, epoch
    return best_epoch, last


def batch_norm_forward(X, gamma, beta, eps=1e-3):
    X = np.asarray(X, dtype=float)
    n, d = X.shape
    out = np.empty_like(X)
    for j in range(d):
        column = [X[i, j] for i in range(n)]
        mu = sum(column) / n
        var = sum((x - mu) ** 2 for x in column) / n
        for i in range(n):
            out[i, j] = gamma[j] * (X[i, j] - mu) / math.sqrt(var + eps) + beta[j]
    return out


def glorot_uniform_limit(fan_in, fan_out):
    return math.sqrt(3.0 * 2.0 / (fan_in + fan_out))


def he_normal_std(fan_in):
    return math.sqrt(2.0) / math.sqrt(fan_in)


def adam_step(w, g, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-7):
    w = np.asarray(w, dtype=float)
    w_new, m_new, v_new = np.empty_like(w), np.empty_like(w), np.empty_like(w)
    for idx in np.ndindex(w.shape):
        m_new[idx] = beta1 * m[idx] + (1 - beta1) * g[idx]
        v_new[idx] = beta2 * v[idx] + (1 - beta2) * g[idx] * g[idx]
        m_hat = m_new[idx] / (1 - beta1 ** t)
        v_hat = v_new[idx] / (1 - beta2 ** t)
        w_new[idx] = w[idx] - lr * m_hat / (math.sqrt(v_hat) + eps)
    return w_new, m_new, v_new


def balanced_class_weights(y):
    counts = {}
    for label in np.asarray(y).tolist():
        counts[label] = counts.get(label, 0) + 1
    n, k = len(y), len(counts)
    return {label: n / (k * c) for label, c in counts.items()}


def dropout_backward(dA_out, mask, rate):
    dA_out = np.asarray(dA_out, dtype=float)
    dA = np.zeros(dA_out.shape)
    for idx in np.ndindex(dA_out.shape):
        if mask[idx]:
            dA[idx] = dA_out[idx] / (1.0 - rate)
    return dA


def batch_norm_backward(dY, X, gamma, eps=1e-3):
    X = np.asarray(X, dtype=float)
    n, d = X.shape
    dX = np.zeros((n, d))
    dgamma = np.zeros(d)
    dbeta = np.zeros(d)
    for j in range(d):
        mu = sum(X[i, j] for i in range(n)) / n
        var = sum((X[i, j] - mu) ** 2 for i in range(n)) / n
        s = math.sqrt(var + eps)
        x_hat = [(X[i, j] - mu) / s for i in range(n)]
        for i in range(n):
            dbeta[j] += dY[i][j]
            dgamma[j] += dY[i][j] * x_hat[i]
        for k in range(n):
            total = 0.0
            for i in range(n):
                # d x_hat_i / d x_k = (1/s) * ([i == k] - 1/n) - (x_i - mu) * (x_k - mu) / (n * s**3)
                dxhat_i_dx_k = ((1.0 if i == k else 0.0) - 1.0 / n) / s \
                    - (X[i, j] - mu) * (X[k, j] - mu) / (n * s ** 3)
                total += dY[i][j] * gamma[j] * dxhat_i_dx_k
            dX[k, j] = total
    return dX, dgamma, dbeta
