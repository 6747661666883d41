"""Wrong: flags the rows at or above the threshold (>=) instead of strictly above it, so tied rows at the threshold are flagged and budget 0 flags the highest row."""
# lose: test_recall_at_budget
# keep: rest
import numpy as np


def recall_at_budget(scores, labels, budget):
    scores, labels = np.asarray(scores, dtype=float), np.asarray(labels).astype(bool)
    if scores.shape != labels.shape:
        raise ValueError("scores and labels must have the same length")
    flagged = scores >= threshold_for_budget(scores, budget)
    return float((flagged & labels).sum() / labels.sum()) if labels.sum() else 0.0
