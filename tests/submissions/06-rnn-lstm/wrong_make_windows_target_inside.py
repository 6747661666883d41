"""Wrong: make_windows takes the window's own last value as its target (off by one: the window sees its target)."""
# lose: test_make_windows
# keep: rest
import numpy as np


def make_windows(series, window, horizon=1):
    series = np.asarray(series, dtype=float)
    if series.ndim != 1 or window < 1 or horizon < 1:
        raise ValueError("bad arguments")
    n = series.size - window - horizon + 1
    if n < 1:
        raise ValueError("series too short")
    X = np.stack([series[i:i + window] for i in range(n)])[..., None]
    y = series[window + horizon - 2:window + horizon - 2 + n]
    return X, y
