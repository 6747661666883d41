"""Wrong: no argument checks (numpy clips nothing: a budget of 1.5 indexes past the end or gives nonsense, an empty array fails with IndexError)."""
# lose: test_threshold_for_budget_validation test_recall_at_budget_validation
# keep: rest
import numpy as np


def threshold_for_budget(scores, budget):
    scores = np.asarray(scores, dtype=float)
    k = int(np.floor(budget * scores.size))
    if k >= scores.size:
        return -np.inf
    return float(np.sort(scores.ravel())[::-1][max(k, 0)])
