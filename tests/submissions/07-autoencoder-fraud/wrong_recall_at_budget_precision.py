"""Wrong: returns the precision at the budget (frauds among the alerts / number of alerts) instead of the recall (/ number of frauds)."""
# lose: test_recall_at_budget
# keep: rest
import numpy as np


def recall_at_budget(scores, labels, budget):
    scores, labels = np.asarray(scores, dtype=float), np.asarray(labels).astype(bool)
    if scores.shape != labels.shape:
        raise ValueError("scores and labels must have the same length")
    flagged = scores > threshold_for_budget(scores, budget)
    return float((flagged & labels).sum() / flagged.sum()) if flagged.sum() else 0.0
