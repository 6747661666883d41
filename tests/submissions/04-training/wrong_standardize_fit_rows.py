"""Wrong: standardize_fit takes the statistics of each row (axis=1) instead of each column."""
# lose: test_standardize_fit
# keep: rest
import numpy as np


def standardize_fit(X_train):
    X_train = np.asarray(X_train, dtype=float)
    std = X_train.std(axis=1)
    return X_train.mean(axis=1), np.where(std == 0, 1.0, std)
