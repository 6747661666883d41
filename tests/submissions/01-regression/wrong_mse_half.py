"""Wrong: mse with the 1/2 factor some textbooks use."""
# lose: test_mse
# keep: rest
import numpy as np


def mse(y_true, y_pred):
    return 0.5 * float(np.mean((np.asarray(y_true) - np.asarray(y_pred)) ** 2))
