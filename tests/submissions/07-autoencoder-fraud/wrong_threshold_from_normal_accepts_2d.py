"""Wrong: checks the quantile and emptiness but not that errors is 1-D (np.quantile flattens a 2-D array)."""
# lose: test_threshold_from_normal_validation
# keep: rest
import numpy as np


def threshold_from_normal(errors, quantile=0.99):
    errors = np.asarray(errors, dtype=float)
    if errors.size == 0 or not 0 < quantile < 1:
        raise ValueError("bad arguments")
    return float(np.quantile(errors, quantile))
