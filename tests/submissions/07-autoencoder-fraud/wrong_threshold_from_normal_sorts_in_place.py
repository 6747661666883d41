"""Wrong: sorts the caller's array in place (np.asarray does not copy) before picking the order statistic."""
# lose: test_threshold_from_normal
# keep: rest
import numpy as np


def threshold_from_normal(errors, quantile=0.99):
    errors = np.asarray(errors)
    if errors.ndim != 1 or errors.size == 0 or not 0 < quantile < 1:
        raise ValueError("bad arguments")
    errors.sort()
    return float(errors[int(np.ceil(quantile * errors.size)) - 1])
