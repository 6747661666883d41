"""Wrong: mse subtracts in place, overwriting the caller's y_pred with the residuals
(right value, but the input array is changed)."""
# lose: test_mse
# keep: rest
import numpy as np


def mse(y_true, y_pred):
    np.subtract(y_true, y_pred, out=y_pred, casting="unsafe")
    return float(np.mean(y_pred ** 2))
