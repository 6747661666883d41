"""Wrong: glorot_uniform_limit returns the standard deviation sqrt(2 / (fan_in + fan_out)), not the uniform limit."""
# lose: test_glorot_uniform_limit
# keep: rest
import numpy as np


def glorot_uniform_limit(fan_in, fan_out):
    return float(np.sqrt(2.0 / (fan_in + fan_out)))
