"""Wrong: adam_step returns the bias-corrected moments, which the next step then corrects again."""
# lose: test_adam_step
# keep: rest
import numpy as np


def adam_step(w, g, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-7):
    m_hat = (beta1 * m + (1 - beta1) * g) / (1 - beta1 ** t)
    v_hat = (beta2 * v + (1 - beta2) * g ** 2) / (1 - beta2 ** t)
    return w - lr * m_hat / (np.sqrt(v_hat) + eps), m_hat, v_hat
