"""Wrong: balanced_class_weights returns 1 / n_c, missing the factor n / k."""
# lose: test_balanced_class_weights
# keep: rest
import numpy as np


def balanced_class_weights(y):
    classes, counts = np.unique(y, return_counts=True)
    return {c.item(): 1.0 / n for c, n in zip(classes, counts)}
