"""Wrong: no zero-division convention, so nothing flagged gives NaN precision."""
# lose: test_precision_recall
# keep: rest
import numpy as np


def precision_recall(y_true, flagged):
    y, f = np.asarray(y_true).astype(bool), np.asarray(flagged).astype(bool)
    if y.shape != f.shape:
        raise ValueError("lengths differ")
    tp, fp, fn = np.sum(y & f), np.sum(~y & f), np.sum(y & ~f)
    return float(np.float64(tp) / (tp + fp)), float(np.float64(tp) / (tp + fn))
