"""Correct, written differently: np.einsum, tanh written through exp-free identities, a stable sigmoid via tanh, rnn_forward without rnn_step, np.flip and np.dstack in birnn, sliding_window_view in make_windows, rnn_backward with the weight gradients summed over all steps by einsum, pad_and_mask with one boolean comparison and np.concatenate."""
# keep: rest
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def rnn_step(x_t, h_prev, kernel, recurrent_kernel, bias):
    kernel = np.asarray(kernel, dtype=float)
    if np.ndim(x_t) != 2 or np.ndim(h_prev) != 2 or kernel.shape != (np.shape(x_t)[1], np.shape(h_prev)[1]):
        raise ValueError("x_t, h_prev and kernel do not fit")
    if np.shape(recurrent_kernel) != (kernel.shape[1],) * 2:
        raise ValueError("recurrent_kernel must be (u, u)")
    return np.tanh(np.einsum("nd,du->nu", x_t, kernel) + np.einsum("nv,vu->nu", h_prev, recurrent_kernel) + bias)


def rnn_forward(X, h0, kernel, recurrent_kernel, bias):
    X = np.asarray(X, dtype=float)
    if X.ndim != 3:
        raise ValueError("X must be (n, T, d)")
    inputs = np.einsum("ntd,du->ntu", X, kernel) + bias   # all input contributions at once
    h = np.asarray(h0, dtype=float)
    out = np.empty(inputs.shape)
    for t in range(X.shape[1]):
        h = np.tanh(inputs[:, t] + h @ recurrent_kernel)
        out[:, t] = h
    return out


def lstm_step(x_t, h_prev, c_prev, kernel, recurrent_kernel, bias):
    if np.shape(kernel)[-1] % 4:
        raise ValueError("kernel needs 4u columns")
    def _sig(v):
        return 0.5 * (1.0 + np.tanh(0.5 * v))

    z = np.einsum("nd,dk->nk", x_t, kernel) + np.einsum("nu,uk->nk", h_prev, recurrent_kernel) + bias
    i, f, g, o = np.split(z, 4, axis=1)
    c = _sig(f) * c_prev + _sig(i) * np.tanh(g)
    return _sig(o) * np.tanh(c), c


def gru_step(x_t, h_prev, kernel, recurrent_kernel, bias):
    bias = np.asarray(bias, dtype=float)
    if np.shape(kernel)[-1] % 3 or bias.ndim != 2 or bias.shape[0] != 2 or bias.shape[1] != np.shape(kernel)[-1]:
        raise ValueError("kernel needs 3u columns and bias shape (2, 3u)")
    def _sig(v):
        return 0.5 * (1.0 + np.tanh(0.5 * v))

    xz, xr, xh = np.split(np.asarray(x_t) @ kernel + bias[0], 3, axis=1)
    hz, hr, hh = np.split(np.asarray(h_prev) @ recurrent_kernel + bias[1], 3, axis=1)
    z = _sig(xz + hz)
    cand = np.tanh(xh + _sig(xr + hr) * hh)
    return z * h_prev + (1 - z) * cand


def birnn_forward(X, forward_weights, backward_weights):
    if np.ndim(X) != 3:
        raise ValueError("X must be (n, T, d)")
    n = np.shape(X)[0]
    fw = rnn_forward(X, np.zeros((n, len(forward_weights[2]))), *forward_weights)
    bw = np.flip(rnn_forward(np.flip(X, axis=1), np.zeros((n, len(backward_weights[2]))), *backward_weights), axis=1)
    return np.dstack([fw, bw])


def make_windows(series, window, horizon=1):
    s = np.asarray(series, dtype=float)
    if s.ndim != 1 or isinstance(window, bool) or int(window) != window or window < 1 \
            or int(horizon) != horizon or horizon < 1 or s.size < window + horizon:
        raise ValueError("need a 1-D series, window >= 1, horizon >= 1 and room for one target")
    view = sliding_window_view(s[:s.size - horizon], window)
    return view[..., np.newaxis].copy(), s[window + horizon - 1:].copy()


def rnn_backward(dH, X, h0, kernel, recurrent_kernel, bias):
    # Loop only for the deltas; the weight gradients afterwards with einsum over all steps at once.
    X, h0 = np.asarray(X, dtype=float), np.asarray(h0, dtype=float)
    H = rnn_forward(X, h0, kernel, recurrent_kernel, bias)
    deriv = 1.0 - np.square(H)
    deltas = np.empty_like(H)
    carry = 0.0
    for t in range(H.shape[1] - 1, -1, -1):
        deltas[:, t] = (np.asarray(dH)[:, t] + carry) * deriv[:, t]
        carry = np.einsum("nu,vu->nv", deltas[:, t], recurrent_kernel)
    previous = np.concatenate([h0[:, None, :], H[:, :-1]], axis=1)      # h_{t-1} for every t
    return (np.einsum("ntu,du->ntd", deltas, kernel), carry,
            np.einsum("ntd,ntu->du", X, deltas), np.einsum("ntv,ntu->vu", previous, deltas),
            deltas.sum(axis=(0, 1)))


def pad_and_mask(sequences, maxlen, padding="pre", truncating="pre"):
    # Lengths first, then a boolean mask from one comparison, then fill it with np.concatenate.
    seqs = [np.asarray(s, dtype=np.int64).ravel() for s in sequences]
    seqs = [s[max(s.size - maxlen, 0):] if truncating == "pre" else s[:maxlen] for s in seqs]
    lengths = np.array([s.size for s in seqs], dtype=int)
    columns = np.arange(maxlen)[None, :]
    mask = columns >= maxlen - lengths[:, None] if padding == "pre" else columns < lengths[:, None]
    padded = np.zeros(mask.shape, dtype=np.int64)
    padded[mask] = np.concatenate(seqs + [np.zeros(0, dtype=np.int64)])     # row by row, left to right
    return padded, mask
