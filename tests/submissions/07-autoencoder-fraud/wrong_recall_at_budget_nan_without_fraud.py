"""Wrong: divides by the number of frauds without looking at it, so labels without fraud give nan (and a numpy warning) instead of 0.0."""
# lose: test_recall_at_budget
# keep: rest
import numpy as np


def recall_at_budget(scores, labels, budget):
    scores, labels = np.asarray(scores, dtype=float), np.asarray(labels).astype(bool)
    if scores.shape != labels.shape:
        raise ValueError("scores and labels must have the same length")
    flagged = scores > threshold_for_budget(scores, budget)
    return float(np.sum(flagged & labels) / np.sum(labels))
