"""Wrong: standardize_fit centres X_train in place to compute the standard deviation (right values, but the caller's array changes)."""
# lose: test_standardize_fit
# keep: rest
import numpy as np


def standardize_fit(X_train):
    mean = X_train.mean(axis=0)
    X_train -= mean
    std = np.sqrt(np.mean(X_train ** 2, axis=0))
    return mean, np.where(std == 0, 1.0, std)
