"""Correct, written with explicit Python loops instead of vectorised numpy (slower, same results)."""
# keep: rest
import math

import numpy as np


def collapse_linear(W1, b1, W2, b2):
    d, h = W1.shape
    k = W2.shape[1]
    W = np.zeros((d, k))
    b = np.array(b2, dtype=float)
    for i in range(d):
        for j in range(k):
            for m in range(h):
                W[i, j] += W1[i, m] * W2[m, j]
    for j in range(k):
        for m in range(h):
            b[j] += b1[m] * W2[m, j]
    return W, b


def relu(z):
    z = np.asarray(z, dtype=float)
    out = np.empty_like(z)
    for idx in np.ndindex(z.shape):
        out[idx] = z[idx] if z[idx] > 0 else 0.0
    return out


def relu_grad(z):
    z = np.asarray(z, dtype=float)
    out = np.empty_like(z)
    for idx in np.ndindex(z.shape):
        out[idx] = 1.0 if z[idx] > 0 else 0.0
    return out


def leaky_relu(z, alpha=0.01):
    z = np.asarray(z, dtype=float)
    out = np.empty_like(z)
    for idx in np.ndindex(z.shape):
        out[idx] = z[idx] if z[idx] > 0 else alpha * z[idx]
    return out


def sigmoid_grad(z):
    z = np.asarray(z, dtype=float)
    out = np.empty_like(z)
    for idx in np.ndindex(z.shape):
        e = math.exp(-abs(z[idx]))  # e**-|z| never overflows; sigma' is symmetric in z
        out[idx] = e / (1.0 + e) ** 2
    return out


def tanh_grad(z):
    z = np.asarray(z, dtype=float)
    out = np.empty_like(z)
    for idx in np.ndindex(z.shape):
        out[idx] = 1.0 - math.tanh(z[idx]) ** 2
    return out


def softmax(Z):
    Z = np.asarray(Z, dtype=float)
    out = np.empty_like(Z)
    for i in range(Z.shape[0]):
        m = max(Z[i])
        exps = [math.exp(v - m) for v in Z[i]]
        total = sum(exps)
        for j in range(Z.shape[1]):
            out[i, j] = exps[j] / total
    return out


def categorical_cross_entropy(Y, P):
    total = 0.0
    for y_row, p_row in zip(Y, P):
        for y, p in zip(y_row, p_row):
            if y > 0:
                total -= y * math.log(p)
    return total / len(Y)


def forward_worked_example(x, w):
    s = lambda a: 1.0 / (1.0 + math.exp(-a))
    inputs = {1: x[0], 2: x[1]}
    out = dict(inputs)
    for j in (3, 4):
        out[j] = s(sum(w[f"w{i}{j}"] * inputs[i] for i in (1, 2)))
    out[5] = s(sum(w[f"w{i}5"] * out[i] for i in (3, 4)))
    return out[3], out[4], out[5]


def backprop_worked_example(x, w, target, lr):
    s = lambda a: 1.0 / (1.0 + math.exp(-a))
    out = {1: x[0], 2: x[1]}
    for j in (3, 4):
        out[j] = s(sum(w[f"w{i}{j}"] * out[i] for i in (1, 2)))
    out[5] = s(sum(w[f"w{i}5"] * out[i] for i in (3, 4)))
    delta = {5: out[5] * (1 - out[5]) * (target - out[5])}
    for j in (3, 4):
        delta[j] = out[j] * (1 - out[j]) * w[f"w{j}5"] * delta[5]
    new = {}
    for key in w:
        i, j = int(key[1]), int(key[2])
        new[key] = w[key] + lr * delta[j] * out[i]
    return new


def numerical_gradient(f, x, eps=1e-5):
    x = np.asarray(x, dtype=float)
    work = x.copy()
    grad = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        old = work[idx]
        work[idx] = old + eps
        f_plus = f(work)
        work[idx] = old - eps
        f_minus = f(work)
        work[idx] = old
        grad[idx] = (f_plus - f_minus) / (2 * eps)
    return grad


def backward(X, Y, params, cache):
    n, h = X.shape[0], params["W1"].shape[1]
    A1, A2 = cache["A1"], cache["A2"]
    dZ2 = (A2 - Y) / n
    grads = {"W1": np.zeros_like(params["W1"]), "b1": np.zeros(h),
             "W2": np.zeros_like(params["W2"]), "b2": np.array([dZ2.sum()])}
    for j in range(h):  # one hidden unit at a time
        grads["W2"][j, 0] = np.dot(A1[:, j], dZ2[:, 0])
        dz1_j = dZ2[:, 0] * params["W2"][j, 0] * (1.0 - A1[:, j] ** 2)
        grads["b1"][j] = dz1_j.sum()
        for i in range(X.shape[1]):
            grads["W1"][i, j] = np.dot(X[:, i], dz1_j)
    return grads
