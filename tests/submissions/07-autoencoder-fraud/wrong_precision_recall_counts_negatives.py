"""Wrong: precision divides by all rows (the share of rows that are caught fraud), not by the flagged rows."""
# lose: test_precision_recall
# keep: rest
import numpy as np


def precision_recall(y_true, flagged):
    y, f = np.asarray(y_true).astype(bool), np.asarray(flagged).astype(bool)
    if y.shape != f.shape:
        raise ValueError("lengths differ")
    tp, fn = np.sum(y & f), np.sum(y & ~f)
    recall = tp / (tp + fn) if tp + fn else 0.0
    return float(tp / y.size), float(recall)
