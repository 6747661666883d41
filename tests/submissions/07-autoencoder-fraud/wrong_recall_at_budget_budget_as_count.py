"""Wrong: flags the top `budget` rows, reading the budget as a number of rows rather than a share."""
# lose: test_recall_at_budget
# keep: rest
import numpy as np


def recall_at_budget(scores, labels, budget):
    scores, labels = np.asarray(scores, dtype=float), np.asarray(labels).astype(bool)
    if scores.shape != labels.shape:
        raise ValueError("scores and labels must have the same length")
    threshold_for_budget(scores, budget)  # only for its argument checks
    k = int(budget)
    flagged = np.zeros(scores.size, dtype=bool)
    flagged[np.argsort(-scores)[:k]] = True
    return float((flagged & labels).sum() / labels.sum()) if labels.sum() else 0.0
