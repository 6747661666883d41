"""Wrong: handles ties the other way: the threshold sits just below the k-th largest score, so rows tied with it are all flagged (more than k when scores tie); without ties it is not the (k+1)-th largest score either."""
# lose: test_threshold_for_budget test_recall_at_budget
# keep: rest
import numpy as np


def threshold_for_budget(scores, budget):
    scores = np.asarray(scores, dtype=float)
    if scores.ndim != 1 or scores.size == 0:
        raise ValueError("scores must be a non-empty 1-D array")
    if not 0 <= budget <= 1:
        raise ValueError("budget must be in [0, 1]")
    k = int(np.floor(budget * scores.size))
    if k == 0:
        return float(scores.max())
    return float(np.nextafter(np.sort(scores)[::-1][k - 1], -np.inf))
