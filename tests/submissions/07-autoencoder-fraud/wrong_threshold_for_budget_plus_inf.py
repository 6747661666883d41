"""Wrong: returns +inf for budget 0 instead of the largest score (nothing is flagged either way, but the exercise states the largest score)."""
# lose: test_threshold_for_budget
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
        return np.inf
    return -np.inf if k == scores.size else float(np.sort(scores)[::-1][k])
