"""Wrong: adam_step skips the bias correction of m and v."""
# lose: test_adam_step
# keep: rest
import numpy as np


def adam_step(w, g, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-7):
    m = beta1 * m + (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * g ** 2
    return w - lr * m / (np.sqrt(v) + eps), m, v
