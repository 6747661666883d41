"""Wrong: make_windows accepts only Python ints for window and horizon (isinstance(window, int)), so np.int64(3) is rejected."""
# lose: test_make_windows_validation
# keep: rest
import numpy as np


def make_windows(series, window, horizon=1):
    series = np.asarray(series, dtype=float)
    if series.ndim != 1:
        raise ValueError("series must be 1-D")
    if not isinstance(window, int) or not isinstance(horizon, int) or window < 1 or horizon < 1:
        raise ValueError("window and horizon must be ints >= 1")
    n = series.size - window - horizon + 1
    if n < 1:
        raise ValueError("series too short")
    X = np.stack([series[i:i + window] for i in range(n)])[..., None]
    return X, series[window + horizon - 1:].copy()
