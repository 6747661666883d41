"""Wrong: l1_penalty also penalises the biases."""
# lose: test_l1_penalty
# keep: rest
import numpy as np


def l1_penalty(params, lam):
    return float(lam * sum(np.sum(np.abs(v)) for v in params.values()))
