"""Wrong: glorot_uniform_limit uses fan_in twice, sqrt(6 / (2 fan_in)); right only when fan_in == fan_out."""
# lose: test_glorot_uniform_limit
# keep: rest
import numpy as np


def glorot_uniform_limit(fan_in, fan_out):
    return float(np.sqrt(3.0 / fan_in))
