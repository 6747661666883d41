"""Argument conversion and validation shared by every nblib module.

One validator per kind of data. Each returns the value converted (a new float array,
a tuple, a dict) or raises a TypeError/ValueError that names the argument and says
what was expected, so that bad input never gives a silently wrong picture.
"""

import numpy as np


def points_2d(X, name="X"):
    """``X`` as a finite float array of shape (n, 2), or a clear error."""
    try:
        arr = np.asarray(X, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"{name} must be a numeric array of shape (n, 2)") from None
    if arr.ndim != 2 or arr.shape[1] != 2 or arr.shape[0] == 0:
        raise ValueError(f"{name} must have shape (n, 2) with n >= 1, got shape {arr.shape}")
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} contains NaN or inf")
    return arr


def labels01(y, n, name="y"):
    """``y`` as an int array of n labels that are all 0 or 1, or a clear error."""
    try:
        arr = np.asarray(y, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"{name} must be an array of 0/1 labels") from None
    if arr.shape != (n,):
        raise ValueError(f"{name} must have shape ({n},) to match the points, got shape {arr.shape}")
    if not np.all((arr == 0) | (arr == 1)):
        raise ValueError(f"{name} must contain only the labels 0 and 1")
    return arr.astype(int)


def vector(a, name, n=None, *, finite=True):
    """``a`` as a non-empty 1-D float array (of length n if given), or a clear error.

    With ``finite`` (the default) NaN and inf are refused too.
    """
    try:
        arr = np.asarray(a, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"{name} must be a 1-D array of numbers") from None
    if arr.ndim != 1 or arr.size == 0:
        raise ValueError(f"{name} must be a non-empty 1-D array, got shape {arr.shape}")
    if n is not None and arr.size != n:
        raise ValueError(f"{name} must have {n} values (one per point), got {arr.size}")
    if finite and not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} contains NaN or inf")
    return arr


def matrix(a, name, n_columns=None):
    """``a`` as a finite 2-D float array (n, d) with n >= 1, or a clear error."""
    try:
        arr = np.array(a, dtype=float)  # a copy: the caller's array is never touched
    except (TypeError, ValueError):
        raise TypeError(f"{name} must be a numeric array of shape (n, d)") from None
    if arr.ndim != 2:
        raise ValueError(f"{name} must be 2-D with shape (n, d), got shape {arr.shape}; "
                         "for a single feature use x.reshape(-1, 1)")
    if arr.shape[0] == 0 or arr.shape[1] == 0:
        raise ValueError(f"{name} must have at least one row and one column, got shape {arr.shape}")
    if n_columns is not None and arr.shape[1] != n_columns:
        raise ValueError(f"{name} must have {n_columns} columns like the training data, "
                         f"got shape {arr.shape}")
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} contains NaN or inf")
    return arr


def value_range(rng, default, name, data=None):
    """A (low, high) pair of finite floats with low < high, or a clear error.

    ``None`` gives ``default``; with ``data`` and no default, the data's range padded by
    10% (at least 0.5) on each side, so that points do not sit on the frame.
    """
    if rng is None:
        if default is None and data is not None:
            lo, hi = float(np.min(data)), float(np.max(data))
            pad = max(0.5, 0.1 * (hi - lo))
            return lo - pad, hi + pad
        return default
    try:
        lo, hi = (float(v) for v in rng)
    except (TypeError, ValueError):
        raise TypeError(f"{name} must be a pair of numbers (low, high), got {rng!r}") from None
    if not (np.isfinite(lo) and np.isfinite(hi) and lo < hi):
        raise ValueError(f"{name} must satisfy low < high, got {rng!r}")
    return lo, hi


def callables(mapping, name):
    """``mapping`` as a dict of str -> callable, or a clear error."""
    if not isinstance(mapping, dict) or not mapping:
        raise TypeError(f"{name} must be a non-empty dict mapping a name to a function")
    for key, fn in mapping.items():
        if not callable(fn):
            raise TypeError(f"{name}[{key!r}] must be callable, got {type(fn).__name__}")
    return {str(k): v for k, v in mapping.items()}


def curve_values(fn, z, label):
    """``fn(z)`` as a float array of z's shape, or an error naming the function."""
    out = np.asarray(fn(z), dtype=float)
    if out.shape != z.shape:
        raise ValueError(f"{label} must return one value per input (shape {z.shape}), "
                         f"got shape {out.shape}")
    return out


def loss_curves(curves, logy=False, *, counts=False, name="curves"):
    """``curves`` as a dict of run name -> 1-D float array, or a clear error.

    Losses (default): NaN is refused, inf (a diverged run) becomes a gap (NaN) so that it
    does not stretch the axis, and with ``logy`` every value must be positive. Counts
    (``counts=True``, e.g. mistakes per epoch): every value finite and non-negative.
    """
    if not isinstance(curves, dict) or not curves:
        raise TypeError(f"{name} must be a non-empty dict mapping a run name to its values per epoch")
    checked = {}
    for key, values in curves.items():
        label = f"{name}[{key!r}]"
        arr = vector(values, label, finite=False)
        if counts:
            if not np.all(np.isfinite(arr)) or np.any(arr < 0):
                raise ValueError(f"{label} must hold non-negative finite counts")
            checked[str(key)] = arr
            continue
        if np.any(np.isnan(arr)):
            raise ValueError(f"{label} contains NaN")
        if logy and np.any(arr <= 0):
            raise ValueError(f"{label} has values <= 0, which a log axis cannot show")
        checked[str(key)] = np.where(np.isfinite(arr), arr, np.nan)
    return checked


def split_args(test_size, seed):
    """Validate the split arguments shared by the lab 01 loaders."""
    if isinstance(test_size, bool) or not isinstance(test_size, (float, np.floating)) \
            or not 0 < test_size < 1:
        raise ValueError(f"test_size must be a fraction strictly between 0 and 1, got {test_size!r}")
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)):
        raise TypeError(f"seed must be an int, got {type(seed).__name__}")
    if seed < 0:
        raise ValueError(f"seed must be >= 0, got {seed}")
    return float(test_size), int(seed)


def int_at_least(value, name, low):
    """``value`` as an int >= ``low``, or a ValueError naming it.

    numpy integers are accepted (e.g. a size read from an array's shape); bools and
    floats such as 3.0 are not, so that a slip like ``ncols=2.5`` is caught.
    """
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < low:
        raise ValueError(f"{name} must be an int >= {low}, got {value!r}")
    return int(value)


def int_between(value, name, low, high):
    """``value`` as an int in [low, high]: a TypeError if it is not an int, else a ValueError."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"{name} must be an int, got {type(value).__name__}")
    if not low <= value <= high:
        raise ValueError(f"{name} must be between {low} and {high}, got {value}")
    return int(value)
