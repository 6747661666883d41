"""Wrong: flags exactly the first k rows of a stable sort by decreasing score, so tied rows at the threshold are split by their position instead of being left unflagged."""
# lose: test_recall_at_budget
# keep: rest
import numpy as np


def recall_at_budget(scores, labels, budget):
    scores, labels = np.asarray(scores, dtype=float), np.asarray(labels).astype(bool)
    if scores.ndim != 1 or scores.size == 0 or scores.shape != labels.shape:
        raise ValueError("scores and labels must be 1-D of the same length")
    if not 0 <= budget <= 1:
        raise ValueError("budget must be in [0, 1]")
    k = int(np.floor(budget * scores.size))
    flagged = np.zeros(scores.size, dtype=bool)
    flagged[np.argsort(-scores, kind="stable")[:k]] = True
    return float((flagged & labels).sum() / labels.sum()) if labels.sum() else 0.0
