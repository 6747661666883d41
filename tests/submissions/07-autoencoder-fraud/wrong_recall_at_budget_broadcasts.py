"""Wrong: no length check, so a single label is broadcast against every score."""
# lose: test_recall_at_budget_validation
# keep: rest
import numpy as np


def recall_at_budget(scores, labels, budget):
    scores, labels = np.asarray(scores, dtype=float), np.asarray(labels).astype(bool)
    flagged = scores > threshold_for_budget(scores, budget)
    labels = np.broadcast_to(labels, flagged.shape)
    return float((flagged & labels).sum() / labels.sum()) if labels.sum() else 0.0
