"""Wrong: gru_step uses only the input bias row and ignores the recurrent bias row."""
# lose: test_gru_step
# keep: rest
import numpy as np


def gru_step(x_t, h_prev, kernel, recurrent_kernel, bias):
    kernel, bias = np.asarray(kernel, dtype=float), np.asarray(bias, dtype=float)
    if kernel.shape[1] % 3 or bias.shape != (2, kernel.shape[1]):
        raise ValueError("bad kernel or bias shape")
    u = kernel.shape[1] // 3
    s = lambda v: 1.0 / (1.0 + np.exp(-v))
    xp = x_t @ kernel + bias[0]
    hp = h_prev @ recurrent_kernel
    z = s(xp[:, :u] + hp[:, :u])
    r = s(xp[:, u:2 * u] + hp[:, u:2 * u])
    cand = np.tanh(xp[:, 2 * u:] + r * hp[:, 2 * u:])
    return z * h_prev + (1 - z) * cand
