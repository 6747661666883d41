"""Wrong: make_windows returns X of shape (n, window) without the feature axis Keras needs."""
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
    X = np.stack([series[i:i + window] for i in range(n)])
    y = series[window + horizon - 1:window + horizon - 1 + n]
    return X, y
