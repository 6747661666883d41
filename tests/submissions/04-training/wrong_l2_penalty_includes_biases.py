"""Wrong: l2_penalty also penalises the biases."""
# lose: test_l2_penalty
# keep: rest
import numpy as np


def l2_penalty(params, lam):
    return float(lam * sum(np.sum(np.asarray(v) ** 2) for v in params.values()))
