"""Wrong: sorts the caller's scores in place."""
# lose: test_threshold_for_budget test_recall_at_budget
# keep: rest
import numpy as np


def threshold_for_budget(scores, budget):
    if np.ndim(scores) != 1 or np.size(scores) == 0:
        raise ValueError("scores must be a non-empty 1-D array")
    if not 0 <= budget <= 1:
        raise ValueError("budget must be in [0, 1]")
    if isinstance(scores, np.ndarray):
        scores.sort()
        ordered = scores
    else:
        ordered = np.sort(scores)
    n = ordered.size
    k = int(np.floor(budget * n))
    return -np.inf if k == n else float(ordered[n - 1 - k])
