"""Wrong: k = ceil(budget * n), rounding up instead of down."""
# lose: test_threshold_for_budget test_recall_at_budget
# keep: rest
import math

import numpy as np


def threshold_for_budget(scores, budget):
    scores = np.asarray(scores, dtype=float)
    if scores.ndim != 1 or scores.size == 0:
        raise ValueError("scores must be a non-empty 1-D array")
    if not 0 <= budget <= 1:
        raise ValueError("budget must be in [0, 1]")
    k = math.ceil(budget * scores.size)
    return -np.inf if k == scores.size else float(np.sort(scores)[::-1][k])
