"""Wrong: rnn_step uses a sigmoid instead of tanh as the activation."""
# lose: test_rnn_step test_rnn_forward test_birnn_forward test_rnn_backward
# keep: rest
import numpy as np


def rnn_step(x_t, h_prev, kernel, recurrent_kernel, bias):
    x_t, h_prev = np.asarray(x_t, dtype=float), np.asarray(h_prev, dtype=float)
    kernel, recurrent_kernel = np.asarray(kernel, dtype=float), np.asarray(recurrent_kernel, dtype=float)
    if kernel.shape != (x_t.shape[1], h_prev.shape[1]) or recurrent_kernel.shape != (h_prev.shape[1], h_prev.shape[1]):
        raise ValueError("shapes do not fit")
    return 1.0 / (1.0 + np.exp(-(x_t @ kernel + h_prev @ recurrent_kernel + bias)))
