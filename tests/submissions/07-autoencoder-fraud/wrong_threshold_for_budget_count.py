"""Wrong: reads the budget as a number of rows (k = int(budget)) instead of a share of them, and so accepts budgets above 1."""
# lose: test_threshold_for_budget test_threshold_for_budget_validation test_recall_at_budget test_recall_at_budget_validation
# keep: rest
import numpy as np


def threshold_for_budget(scores, budget):
    scores = np.asarray(scores, dtype=float)
    if scores.ndim != 1 or scores.size == 0:
        raise ValueError("scores must be a non-empty 1-D array")
    if budget < 0:
        raise ValueError("budget must not be negative")
    k = min(int(budget), scores.size)
    return -np.inf if k == scores.size else float(np.sort(scores)[::-1][k])
