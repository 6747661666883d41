"""Wrong: categorical_cross_entropy takes log(P) unclipped, so a probability of 0 gives 0 * -inf = nan."""
# lose: test_categorical_cross_entropy
# keep: rest
import numpy as np


def categorical_cross_entropy(Y, P):
    return float(-np.mean(np.sum(np.asarray(Y) * np.log(np.asarray(P)), axis=1)))
