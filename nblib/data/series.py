"""Sequence data: generated tasks with a known answer, and a real series shipped in ``data/``.

Generated tasks (``adding_problem``, ``future_context_task``) are drawn from a seeded
``numpy.random.default_rng``, so a notebook gets the same sequences on every run. The
real series (``load_sunspots``) is read from a small text file in the repository's
``data/`` folder; nothing is downloaded. Nothing here cuts a series into windows: that
is an exercise of lab 06.
"""

from pathlib import Path

import numpy as np

SUNSPOTS_FILE = Path(__file__).resolve().parents[2] / "data" / "sunspots_monthly.dat"


def _count(value, name, low, high=None):
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"{name} must be an int, got {type(value).__name__}")
    if value < low or (high is not None and value > high):
        bound = f">= {low}" if high is None else f"between {low} and {high}"
        raise ValueError(f"{name} must be {bound}, got {value}")
    return int(value)


def adding_problem(n, length, seed=0):
    """The adding problem: sum the two values that carry a marker, anywhere in a long sequence.

    Each sequence has ``length`` steps with two features: a value drawn uniformly from
    [0, 1) and a marker that is 1 at exactly two steps (one in the first half, one in
    the second half) and 0 elsewhere. The target is the sum of the two marked values.
    Predicting the constant mean 1.0 gives a mean squared error of 1/6 (about 0.167):
    a model has learnt something only if it gets clearly below that.

    Parameters
    ----------
    n : int
        Number of sequences (>= 1).
    length : int
        Steps per sequence (>= 2).
    seed : int, default 0
        Seed of the random generator.

    Returns
    -------
    X : ndarray of float32, shape (n, length, 2)
        Values in ``X[..., 0]``, markers in ``X[..., 1]``.
    y : ndarray of float32, shape (n,)
        The sums.

    Used in: lab 06 (section "A long-memory task").
    """
    n = _count(n, "n", 1)
    length = _count(length, "length", 2)
    seed = _count(seed, "seed", 0)
    rng = np.random.default_rng(seed)
    values = rng.uniform(0.0, 1.0, size=(n, length))
    half = length // 2
    first = rng.integers(0, half, size=n)
    second = rng.integers(half, length, size=n)
    markers = np.zeros((n, length))
    markers[np.arange(n), first] = 1.0
    markers[np.arange(n), second] = 1.0
    X = np.stack([values, markers], axis=-1).astype("float32")
    y = (values * markers).sum(axis=1).astype("float32")
    return X, y


def future_context_task(n, length, seed=0):
    """A many-to-many task whose answer at each step needs one past and one future input.

    Inputs are uniform on [-1, 1); the target at step t is ``x[t-1] + x[t+1]`` (a missing
    neighbour at either end counts as 0). A network that reads left to right can know
    ``x[t-1]`` but not yet ``x[t+1]``: its best mean squared error is about 1/3 (the
    variance of the unseen input), while a network that also reads right to left can
    get close to 0.

    Parameters
    ----------
    n : int
        Number of sequences (>= 1).
    length : int
        Steps per sequence (>= 3).
    seed : int, default 0
        Seed of the random generator.

    Returns
    -------
    X : ndarray of float32, shape (n, length, 1)
    Y : ndarray of float32, shape (n, length, 1)

    Used in: lab 06 (section "Bidirectional RNNs").
    """
    n = _count(n, "n", 1)
    length = _count(length, "length", 3)
    seed = _count(seed, "seed", 0)
    x = np.random.default_rng(seed).uniform(-1.0, 1.0, size=(n, length))
    padded = np.pad(x, ((0, 0), (1, 1)))
    target = padded[:, :-2] + padded[:, 2:]
    return x[..., None].astype("float32"), target[..., None].astype("float32")


def load_sunspots(path=None):
    """Monthly mean sunspot numbers, January 1749 to June 2009 (3,126 months).

    Reads the NOAA National Geophysical Data Center table shipped in
    ``data/sunspots_monthly.dat`` (public domain; see ``data/README.md``). The table has
    one line per year with twelve monthly means; the last year is incomplete.

    Parameters
    ----------
    path : str or pathlib.Path, optional
        Another copy of the same table; the repository's file by default.

    Returns
    -------
    years : ndarray of float, shape (m,)
        Time of each value as a fractional year (1749.0 is January 1749).
    values : ndarray of float, shape (m,)
        The monthly mean sunspot numbers.

    Used in: lab 06 (section "A real series: monthly sunspot numbers").
    """
    path = SUNSPOTS_FILE if path is None else Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"the sunspot table is not at {path}; it ships in the course "
                                "repository's data/ folder")
    years, values = [], []
    for line in path.read_text().splitlines():
        parts = line.split()
        if not parts or not parts[0].isdigit() or len(parts[0]) != 4:
            continue  # title, header, rules, notes and blank lines
        year = int(parts[0])
        try:
            monthly = [float(p) for p in parts[1:]]
        except ValueError:
            raise ValueError(f"{path}: cannot read the line for {year}: {line!r}") from None
        if not 1 <= len(monthly) <= 12:
            raise ValueError(f"{path}: the line for {year} should hold 1 to 12 months")
        for month, value in enumerate(monthly):
            years.append(year + month / 12.0)
            values.append(value)
    if not values:
        raise ValueError(f"{path} holds no yearly lines of monthly values")
    years, values = np.array(years), np.array(values)
    if np.any(np.diff(years) <= 0):
        raise ValueError(f"{path}: the years are not in increasing order")
    return years, values
