"""Wrong: standardize_fit returns std 0 for a constant column (later divisions by zero)."""
# lose: test_standardize_fit
# keep: rest
import numpy as np


def standardize_fit(X_train):
    X_train = np.asarray(X_train, dtype=float)
    return X_train.mean(axis=0), X_train.std(axis=0)
