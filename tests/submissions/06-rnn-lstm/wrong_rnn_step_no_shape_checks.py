"""Wrong: rnn_step computes the step correctly but checks no shapes (a kernel of shape (d, 1) is broadcast silently)."""
# lose: test_rnn_step_validation
# keep: rest
import numpy as np


def rnn_step(x_t, h_prev, kernel, recurrent_kernel, bias):
    return np.tanh(np.asarray(x_t) @ kernel + np.asarray(h_prev) @ recurrent_kernel + bias)
