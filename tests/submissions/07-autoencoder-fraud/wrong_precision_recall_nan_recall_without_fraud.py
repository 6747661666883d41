"""Wrong: the zero-division convention for precision only, so recall is NaN when there is no fraud."""
# lose: test_precision_recall
# keep: rest
import numpy as np


def precision_recall(y_true, flagged):
    y, f = np.asarray(y_true).astype(bool), np.asarray(flagged).astype(bool)
    if y.shape != f.shape:
        raise ValueError("lengths differ")
    tp, fp, fn = np.sum(y & f), np.sum(~y & f), np.sum(y & ~f)
    precision = tp / (tp + fp) if tp + fp else 0.0
    return float(precision), float(np.float64(tp) / (tp + fn))
