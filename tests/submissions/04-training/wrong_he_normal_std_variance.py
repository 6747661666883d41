"""Wrong: he_normal_std returns the variance 2 / fan_in instead of its square root."""
# lose: test_he_normal_std
# keep: rest
import numpy as np


def he_normal_std(fan_in):
    return 2.0 / fan_in
