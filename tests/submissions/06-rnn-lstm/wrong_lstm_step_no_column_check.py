"""Wrong: lstm_step computes the step correctly but does not check that the kernel's columns are a multiple of 4."""
# lose: test_lstm_step_validation
# keep: rest
import numpy as np


def lstm_step(x_t, h_prev, c_prev, kernel, recurrent_kernel, bias):
    u = np.shape(kernel)[1] // 4
    z = np.asarray(x_t) @ kernel + np.asarray(h_prev) @ recurrent_kernel + bias
    i, f, g, o = sigmoid(z[:, :u]), sigmoid(z[:, u:2 * u]), np.tanh(z[:, 2 * u:3 * u]), sigmoid(z[:, 3 * u:])
    c = f * c_prev + i * g
    return o * np.tanh(c), c
