"""Wrong: gru_step checks the kernel's columns but not the bias's shape (a flat bias of shape (3u,) is read as two numbers)."""
# lose: test_gru_step_validation
# keep: rest
import numpy as np


def gru_step(x_t, h_prev, kernel, recurrent_kernel, bias):
    if np.shape(kernel)[1] % 3:
        raise ValueError("kernel needs 3u columns")
    u = np.shape(kernel)[1] // 3
    bias = np.asarray(bias, dtype=float)
    x_part = np.asarray(x_t) @ kernel + bias[0]
    h_part = np.asarray(h_prev) @ recurrent_kernel + bias[1]
    z = sigmoid(x_part[:, :u] + h_part[:, :u])
    r = sigmoid(x_part[:, u:2 * u] + h_part[:, u:2 * u])
    cand = np.tanh(x_part[:, 2 * u:] + r * h_part[:, 2 * u:])
    return z * h_prev + (1.0 - z) * cand
