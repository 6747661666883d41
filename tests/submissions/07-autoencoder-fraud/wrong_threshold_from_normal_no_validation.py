"""Wrong: correct quantile but no check of the quantile (0 and 1 are accepted silently)."""
# lose: test_threshold_from_normal_validation
# keep: rest
import numpy as np


def threshold_from_normal(errors, quantile=0.99):
    return float(np.quantile(np.asarray(errors, dtype=float), quantile))
