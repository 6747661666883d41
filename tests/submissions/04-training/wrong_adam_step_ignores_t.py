"""Wrong: adam_step applies the bias correction of step 1 at every step (ignores t); right only at t = 1."""
# lose: test_adam_step
# keep: rest
import numpy as np


def adam_step(w, g, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-7):
    m_new = beta1 * m + (1 - beta1) * g
    v_new = beta2 * v + (1 - beta2) * g ** 2
    m_hat = m_new / (1 - beta1)
    v_hat = v_new / (1 - beta2)
    return w - lr * m_hat / (np.sqrt(v_hat) + eps), m_new, v_new
