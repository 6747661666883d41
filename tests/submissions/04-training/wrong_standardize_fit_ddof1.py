"""Wrong: standardize_fit uses the sample standard deviation (ddof=1) instead of the population one."""
# lose: test_standardize_fit
# keep: rest
import numpy as np


def standardize_fit(X_train):
    X_train = np.asarray(X_train, dtype=float)
    std = X_train.std(axis=0, ddof=1)
    return X_train.mean(axis=0), np.where(std == 0, 1.0, std)
