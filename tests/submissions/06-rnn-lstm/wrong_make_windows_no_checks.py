"""Wrong: make_windows cuts the windows correctly but checks none of its arguments (window=0 gives empty windows, a 2-D series is cut by rows)."""
# lose: test_make_windows_validation
# keep: rest
import numpy as np


def make_windows(series, window, horizon=1):
    s = np.asarray(series, dtype=float)
    n = len(s) - window - horizon + 1
    X = np.array([s[i:i + window] for i in range(max(n, 0))])
    return X.reshape(max(n, 0), window, -1)[..., :1], s[window + horizon - 1:]
