"""Wrong: standardize_apply standardises X in place (right values, but the input is changed)."""
# lose: test_standardize_apply
# keep: rest
import numpy as np


def standardize_apply(X, mean, std):
    X -= mean
    X /= std
    return X
