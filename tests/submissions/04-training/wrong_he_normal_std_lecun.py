"""Wrong: he_normal_std returns sqrt(1 / fan_in) (LeCun), missing the factor 2 for ReLU."""
# lose: test_he_normal_std
# keep: rest
import numpy as np


def he_normal_std(fan_in):
    return float(np.sqrt(1.0 / fan_in))
