"""Wrong: make_windows always predicts the next value, whatever the horizon (but counts n with it)."""
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
    y = series[window:window + n]
    return X, y
