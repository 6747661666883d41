"""Wrong: lstm_step computes h_t from the old cell state c_prev instead of the new c_t."""
# lose: test_lstm_step
# keep: rest
import numpy as np


def lstm_step(x_t, h_prev, c_prev, kernel, recurrent_kernel, bias):
    kernel = np.asarray(kernel, dtype=float)
    if kernel.shape[1] % 4:
        raise ValueError("kernel columns must be a multiple of 4")
    u = kernel.shape[1] // 4
    z = np.asarray(x_t) @ kernel + np.asarray(h_prev) @ recurrent_kernel + bias
    s = lambda v: 1.0 / (1.0 + np.exp(-v))
    i, f, g, o = s(z[:, :u]), s(z[:, u:2 * u]), np.tanh(z[:, 2 * u:3 * u]), s(z[:, 3 * u:])
    c = f * c_prev + i * g
    return o * np.tanh(c_prev), c
