"""Wrong: no length check; numpy refuses 7 against 5 values but silently broadcasts a single value."""
# lose: test_precision_recall_validation
# keep: rest
import numpy as np


def precision_recall(y_true, flagged):
    y, f = np.asarray(y_true).astype(bool), np.asarray(flagged).astype(bool)
    tp, fp, fn = np.sum(y & f), np.sum(~y & f), np.sum(y & ~f)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return float(precision), float(recall)
