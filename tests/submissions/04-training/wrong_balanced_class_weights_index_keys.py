"""Wrong: balanced_class_weights keys the weights by position 0..k-1 instead of by class label (right only for the labels 0, 1, ..., k-1)."""
# lose: test_balanced_class_weights
# keep: rest
import numpy as np


def balanced_class_weights(y):
    classes, counts = np.unique(y, return_counts=True)
    return {i: len(y) / (len(classes) * n) for i, n in enumerate(counts)}
