"""Wrong: l2_penalty uses the textbook lam / 2 * sum(W**2), not the Keras convention."""
# lose: test_l2_penalty
# keep: rest
import numpy as np


def l2_penalty(params, lam):
    return float(lam / 2 * sum(np.sum(np.asarray(v) ** 2) for k, v in params.items() if k.startswith("W")))
