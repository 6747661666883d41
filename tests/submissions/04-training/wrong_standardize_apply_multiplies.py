"""Wrong: standardize_apply multiplies by the standard deviation instead of dividing."""
# lose: test_standardize_apply
# keep: rest
import numpy as np


def standardize_apply(X, mean, std):
    return (np.asarray(X, dtype=float) - mean) * std
