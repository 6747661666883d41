"""Wrong: passes the share to np.percentile, which expects percent (0.99 becomes the 0.99th percentile)."""
# lose: test_threshold_from_normal
# keep: rest
import numpy as np


def threshold_from_normal(errors, quantile=0.99):
    errors = np.asarray(errors, dtype=float)
    if errors.ndim != 1 or errors.size == 0 or not 0 < quantile < 1:
        raise ValueError("bad arguments")
    return float(np.percentile(errors, quantile))
