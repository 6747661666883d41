"""Wrong: returns (recall, precision) instead of (precision, recall)."""
# lose: test_precision_recall
# keep: rest
import numpy as np


def precision_recall(y_true, flagged):
    y, f = np.asarray(y_true).astype(bool), np.asarray(flagged).astype(bool)
    if y.shape != f.shape:
        raise ValueError("lengths differ")
    tp, fp, fn = np.sum(y & f), np.sum(~y & f), np.sum(y & ~f)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return float(recall), float(precision)
