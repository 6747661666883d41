"""Wrong: calls .astype on the inputs directly, so Python lists fail."""
# lose: test_precision_recall
# keep: rest
import numpy as np


def precision_recall(y_true, flagged):
    y, f = y_true.astype(bool), flagged.astype(bool)
    if y.shape != f.shape:
        raise ValueError("lengths differ")
    tp, fp, fn = np.sum(y & f), np.sum(~y & f), np.sum(y & ~f)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return float(precision), float(recall)
