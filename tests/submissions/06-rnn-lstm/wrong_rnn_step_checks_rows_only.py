"""Wrong: rnn_step checks only the kernel's rows and the recurrent kernel's rows, so a kernel or recurrent_kernel with 1 column slips through."""
# lose: test_rnn_step_validation
# keep: rest
import numpy as np


def rnn_step(x_t, h_prev, kernel, recurrent_kernel, bias):
    x_t, h_prev = np.asarray(x_t, dtype=float), np.asarray(h_prev, dtype=float)
    if np.shape(kernel)[0] != x_t.shape[1] or np.shape(recurrent_kernel)[0] != h_prev.shape[1]:
        raise ValueError("kernel or recurrent_kernel has the wrong number of rows")
    return np.tanh(x_t @ kernel + h_prev @ recurrent_kernel + bias)
