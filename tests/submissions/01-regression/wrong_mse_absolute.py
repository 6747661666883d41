"""Wrong: mse averages absolute errors (that is the MAE), not squared ones."""
# lose: test_mse
# keep: rest
import numpy as np


def mse(y_true, y_pred):
    return float(np.mean(np.abs(np.asarray(y_true) - np.asarray(y_pred))))
