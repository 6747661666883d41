"""Correct, written differently: explicit loops over samples and units, scipy.special.expit, concatenated [h, x] weights as in the lecture, birnn without rnn_forward, make_windows by index loops, rnn_backward per sequence with outer products and tanh' as 1/cosh^2, pad_and_mask token by token in Python lists."""
# keep: rest
import numpy as np
from scipy.special import expit


def rnn_step(x_t, h_prev, kernel, recurrent_kernel, bias):
    x_t, h_prev = np.asarray(x_t, dtype=float), np.asarray(h_prev, dtype=float)
    if np.ndim(kernel) != 2 or np.shape(kernel)[0] != x_t.shape[1] or np.shape(kernel)[1] != h_prev.shape[1]:
        raise ValueError("kernel has the wrong shape")
    if np.shape(recurrent_kernel) != (h_prev.shape[1], h_prev.shape[1]) or np.shape(bias) != (h_prev.shape[1],):
        raise ValueError("recurrent_kernel or bias has the wrong shape")
    A = np.vstack([recurrent_kernel, kernel])          # the lecture's A acting on [h, x]
    out = np.empty_like(h_prev)
    for s in range(x_t.shape[0]):
        hx = np.concatenate([h_prev[s], x_t[s]])
        for j in range(h_prev.shape[1]):
            out[s, j] = np.tanh(sum(hx[k] * A[k, j] for k in range(hx.size)) + bias[j])
    return out


def rnn_forward(X, h0, kernel, recurrent_kernel, bias):
    if np.ndim(X) != 3:
        raise ValueError("X must be (n, T, d)")
    X = np.asarray(X, dtype=float)
    out = np.zeros((X.shape[0], X.shape[1], np.shape(kernel)[1]))
    h = np.array(h0, dtype=float)
    for t in range(X.shape[1]):
        h = rnn_step(X[:, t], h, kernel, recurrent_kernel, bias)
        out[:, t] = h
    return out


def lstm_step(x_t, h_prev, c_prev, kernel, recurrent_kernel, bias):
    if np.shape(kernel)[1] % 4 != 0:
        raise ValueError("kernel needs 4u columns")
    u = np.shape(kernel)[1] // 4
    if np.shape(recurrent_kernel) != (u, 4 * u):
        raise ValueError("recurrent_kernel must be (u, 4u)")
    gates = [np.asarray(x_t) @ np.asarray(kernel)[:, k * u:(k + 1) * u]
             + np.asarray(h_prev) @ np.asarray(recurrent_kernel)[:, k * u:(k + 1) * u]
             + np.asarray(bias)[k * u:(k + 1) * u] for k in range(4)]
    i, f, o = expit(gates[0]), expit(gates[1]), expit(gates[3])
    c = np.multiply(f, c_prev) + np.multiply(i, np.tanh(gates[2]))
    return np.multiply(o, np.tanh(c)), c


def gru_step(x_t, h_prev, kernel, recurrent_kernel, bias):
    kernel, recurrent_kernel, bias = np.asarray(kernel), np.asarray(recurrent_kernel), np.asarray(bias)
    if kernel.shape[1] % 3 != 0:
        raise ValueError("kernel needs 3u columns")
    u = kernel.shape[1] // 3
    if bias.shape != (2, 3 * u):
        raise ValueError("bias must be (2, 3u)")
    Wz, Wr, Wh = np.split(kernel, 3, axis=1)
    Uz, Ur, Uh = np.split(recurrent_kernel, 3, axis=1)
    bxz, bxr, bxh = np.split(bias[0], 3)
    bhz, bhr, bhh = np.split(bias[1], 3)
    z = expit(x_t @ Wz + bxz + h_prev @ Uz + bhz)
    r = expit(x_t @ Wr + bxr + h_prev @ Ur + bhr)
    cand = np.tanh(x_t @ Wh + bxh + r * (h_prev @ Uh + bhh))
    return cand + z * (h_prev - cand)


def birnn_forward(X, forward_weights, backward_weights):
    X = np.asarray(X, dtype=float)
    if X.ndim != 3:
        raise ValueError("X must be (n, T, d)")
    n, T, _ = X.shape
    kf, rkf, bf = (np.asarray(a) for a in forward_weights)
    kb, rkb, bb = (np.asarray(a) for a in backward_weights)
    out = np.zeros((n, T, kf.shape[1] + kb.shape[1]))
    h = np.zeros((n, kf.shape[1]))
    for t in range(T):
        h = np.tanh(X[:, t] @ kf + h @ rkf + bf)
        out[:, t, :kf.shape[1]] = h
    h = np.zeros((n, kb.shape[1]))
    for t in reversed(range(T)):
        h = np.tanh(X[:, t] @ kb + h @ rkb + bb)
        out[:, t, kf.shape[1]:] = h
    return out


def make_windows(series, window, horizon=1):
    s = np.array(series, dtype=float)
    if s.ndim != 1:
        raise ValueError("series must be 1-D")
    if not isinstance(window, (int, np.integer)) or not isinstance(horizon, (int, np.integer)) \
            or window < 1 or horizon < 1:
        raise ValueError("window and horizon must be integers >= 1")
    Xs, ys = [], []
    i = 0
    while i + window - 1 + horizon < len(s):
        Xs.append([[s[i + k]] for k in range(window)])
        ys.append(s[i + window - 1 + horizon])
        i += 1
    if not ys:
        raise ValueError("series too short")
    return np.array(Xs), np.array(ys)


def rnn_backward(dH, X, h0, kernel, recurrent_kernel, bias):
    # Own forward pass, then per-sequence loops with outer products; tanh' from np.cosh.
    X, dH = np.asarray(X, dtype=float), np.asarray(dH, dtype=float)
    W, U, b = np.asarray(kernel, dtype=float), np.asarray(recurrent_kernel, dtype=float), np.asarray(bias, dtype=float)
    n, T, d = X.shape
    u = W.shape[1]
    A = np.zeros((n, T, u))                      # pre-activations
    H = np.zeros((n, T + 1, u))                  # H[:, 0] = h0, H[:, t + 1] = h_t
    H[:, 0] = h0
    for s in range(n):
        for t in range(T):
            A[s, t] = X[s, t] @ W + H[s, t] @ U + b
            H[s, t + 1] = np.tanh(A[s, t])
    dX, dh0 = np.zeros((n, T, d)), np.zeros((n, u))
    dW, dU, db = np.zeros((d, u)), np.zeros((u, u)), np.zeros(u)
    for s in range(n):
        back = np.zeros(u)
        for t in range(T - 1, -1, -1):
            delta = (dH[s, t] + back) / np.cosh(A[s, t]) ** 2
            dX[s, t] = W @ delta
            dW += np.outer(X[s, t], delta)
            dU += np.outer(H[s, t], delta)
            db += delta
            back = U @ delta
        dh0[s] = back
    return dX, dh0, dW, dU, db


def pad_and_mask(sequences, maxlen, padding="pre", truncating="pre"):
    # Token by token: fill each row from its right end ("pre") or left end ("post").
    n = len(sequences)
    padded = [[0] * maxlen for _ in range(n)]
    mask = [[False] * maxlen for _ in range(n)]
    for i in range(n):
        seq = [int(v) for v in sequences[i]]
        if len(seq) > maxlen:
            seq = seq[len(seq) - maxlen:] if truncating == "pre" else seq[:maxlen]
        offset = maxlen - len(seq) if padding == "pre" else 0
        for j in range(len(seq)):
            padded[i][offset + j] = seq[j]
            mask[i][offset + j] = True
    return np.array(padded, dtype=np.int32).reshape(n, maxlen), np.array(mask, dtype=bool).reshape(n, maxlen)
