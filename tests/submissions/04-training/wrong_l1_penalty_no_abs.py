"""Wrong: l1_penalty sums the signed weights (no absolute value)."""
# lose: test_l1_penalty
# keep: rest
import numpy as np


def l1_penalty(params, lam):
    return float(lam * sum(np.sum(v) for k, v in params.items() if k.startswith("W")))
