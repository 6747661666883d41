"""Checks used by the labs' test cells.

Every check either returns ``None`` or raises :class:`CheckError` with a message a
student can act on: which value is wrong, what shape or type was expected and what
came back, whether NaN or inf appeared, and a hint for common slips (flipped sign,
a constant factor, a transposed result).

Two rules keep the checks honest:

* A message never prints the expected value of a computed result. Hidden tests use
  the same checks, and nbgrader's feedback shows their messages.
* A check never returns a value. nbgrader reads a number left as a test cell's last
  result as *partial credit*, so a check that returned ``True`` would award points.

Used by every lab's test cells; ``call`` is how those cells run a student's function.
"""

import numbers
import warnings

import numpy as np

__all__ = [
    "CheckError",
    "call",
    "check_array",
    "check_at_least",
    "check_integer",
    "check_keys",
    "check_labels",
    "check_model_output_shape",
    "check_shape",
    "check_no_warnings",
    "check_scalar",
    "check_true",
    "check_tuple",
    "check_unchanged",
]


class CheckError(AssertionError):
    """A check failed. Subclasses ``AssertionError`` so nbgrader counts it as a failure.

    IPython shows the lines of ``_render_traceback_`` instead of a traceback, so a
    student (in the notebook and in nbgrader's feedback) sees only the message that
    says what is wrong, not the test cell's code or the inside of this module. The
    error output remains, so the test cell still fails. Errors raised by the student's
    own code keep their full traceback.
    """

    def _render_traceback_(self):
        # Read by IPython's InteractiveShell.showtraceback; ANSI red name, as IPython's own.
        return [f"\x1b[0;31m{type(self).__name__}\x1b[0m: {self}"]


def _require_name(name):
    if not isinstance(name, str) or not name:
        raise TypeError(f"name must be a non-empty string describing the value, got {name!r}")


def call(func, *args, **kwargs):
    """Run a student's function and return its result, keeping warnings off stderr.

    nbgrader scores a test cell 0 if anything is written to stderr, so a correct
    function that merely triggers a numpy ``RuntimeWarning`` would lose its points.
    Warnings raised inside the call are therefore recorded and dropped; tests that
    care about warnings use :func:`check_no_warnings` instead.

    Parameters
    ----------
    func : callable
        The function under test.
    *args, **kwargs
        Passed on to ``func``.

    Returns
    -------
    object
        Whatever ``func`` returned.

    Raises
    ------
    CheckError
        If ``func`` is still the unimplemented stub.
    TypeError
        If ``func`` is not callable.
    """
    if not callable(func):
        raise TypeError(f"call() needs a function as its first argument, got {type(func).__name__}")
    fname = getattr(func, "__name__", "the function")
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        try:
            return func(*args, **kwargs)
        except NotImplementedError:
            raise CheckError(
                f"{fname} is not implemented yet: replace `raise NotImplementedError()` "
                "with your code."
            ) from None


def check_no_warnings(func, *args, name=None, **kwargs):
    """Check that calling ``func(*args, **kwargs)`` emits no warning at all.

    numpy's floating-point error state is set to ``warn`` for the call, so an
    overflow in ``np.exp`` is reported even if the notebook silenced it elsewhere.
    Underflow is not reported: ``exp(-1000)`` rounding to 0 is the right answer, and
    numerically careful code (``exp(-|z|)``, ``logaddexp``) relies on it.
    The warnings are recorded, not printed, so stderr stays clean.

    Returns
    -------
    None
        The function's result is discarded; check it separately with :func:`call`.
    """
    label = name or getattr(func, "__name__", "the function")
    _require_name(label)
    with warnings.catch_warnings(record=True) as caught, np.errstate(all="warn", under="ignore"):
        warnings.simplefilter("always")
        try:
            func(*args, **kwargs)
        except NotImplementedError:
            raise CheckError(f"{label} is not implemented yet.") from None
    if caught:
        first = caught[0]
        raise CheckError(
            f"{label} emitted {len(caught)} warning(s), the first a "
            f"{first.category.__name__}: {first.message}. Rewrite it so that no "
            "intermediate value overflows or divides by zero."
        )


def _describe(value):
    if value is None:
        return "None"
    if isinstance(value, np.ndarray):
        return f"a numpy array of shape {value.shape} and dtype {value.dtype}"
    return f"a {type(value).__name__}"


def _as_numeric_array(got, name):
    """Convert ``got`` to a float array, or explain why it cannot be."""
    if got is None:
        raise CheckError(f"{name} is None: did the function forget to `return` its result?")
    if isinstance(got, (str, bytes, dict, set)):
        raise CheckError(f"{name} should be numeric, got {_describe(got)}.")
    try:
        arr = np.asarray(got)
    except Exception as exc:  # ragged lists and similar
        raise CheckError(f"{name} could not be read as an array ({exc}).") from None
    if arr.dtype == object or arr.dtype.kind not in "biuf":
        raise CheckError(f"{name} should hold real numbers, got {_describe(arr)}.")
    return arr


def _hint(got, expected):
    """A nudge for common slips, phrased without revealing ``expected``."""
    g = got.astype(float).ravel()
    e = expected.astype(float).ravel()
    if np.allclose(g, -e, rtol=1e-6, atol=1e-12) and np.any(e != 0):
        return " The values have the opposite sign: check the sign of your formula."
    mask = np.abs(e) > 1e-12
    # With one value any wrong answer is "a constant factor" off: say it only for several.
    if mask.sum() >= 2 and not np.any((np.abs(g) <= 1e-12) & mask):
        ratio = g[mask] / e[mask]
        if np.allclose(ratio, ratio[0], rtol=1e-6) and not np.isclose(ratio[0], 1.0):
            return (
                " Every value is off by the same factor: look for a missing or extra "
                "constant (a 2, a 1/2, a 1/n, a learning rate)."
            )
    return ""


def check_array(got, expected, name, *, rtol=1e-6, atol=1e-9, check_dtype=False):
    """Check an array result: type, shape, NaN/inf, then values within tolerance.

    Parameters
    ----------
    got : array_like
        The student's result.
    expected : array_like
        The reference result (never printed).
    name : str
        How to call the value in messages, e.g. ``"predict_linear(X, w, b)"``.
    rtol, atol : float
        Tolerances as in ``numpy.allclose``. The defaults accept differences in
        summation order, ``np.tanh`` vs the formula, loops vs vectorised code.
    check_dtype : bool
        If true, ``got`` must have the same dtype kind (integer, float, ...) as
        ``expected``.

    Raises
    ------
    CheckError
        Naming the first thing that is wrong.
    """
    _require_name(name)
    expected = np.asarray(expected)
    if expected.dtype.kind not in "biuf":
        raise TypeError(f"expected for {name} must be numeric, got dtype {expected.dtype}")
    arr = _as_numeric_array(got, name)
    if arr.shape != expected.shape:
        hint = ""
        if arr.ndim == 2 and arr.shape == expected.shape[::-1]:
            hint = " It looks transposed."
        elif arr.size == expected.size:
            hint = " Same number of values, different layout: check reshape, ravel or keepdims."
        raise CheckError(f"{name} should have shape {expected.shape}, got shape {arr.shape}.{hint}")
    if check_dtype and arr.dtype.kind != expected.dtype.kind:
        kinds = {"b": "boolean", "i": "integer", "u": "unsigned integer", "f": "floating point"}
        raise CheckError(
            f"{name} should have {kinds[expected.dtype.kind]} dtype, got dtype {arr.dtype}."
        )
    if arr.dtype.kind == "f":
        bad = ~np.isfinite(arr) & np.isfinite(expected)
        if np.any(bad):
            idx = tuple(int(i) for i in np.argwhere(bad)[0])
            what = "NaN" if np.isnan(arr[idx]) else "inf"
            where = f" at index {idx}" if arr.ndim else ""
            raise CheckError(
                f"{name} contains {what}{where} ({int(bad.sum())} non-finite value(s) in all). "
                "Look for an overflow, a log of 0 or a division by 0."
            )
    ok = np.isclose(arr.astype(float), expected.astype(float), rtol=rtol, atol=atol, equal_nan=True)
    if not np.all(ok):
        n_bad = int((~ok).sum())
        if arr.ndim == 0:
            msg = f"{name} = {float(arr):.6g} is not the expected value."
        else:
            idx = tuple(int(i) for i in np.argwhere(~ok)[0])
            msg = (
                f"{name}: {n_bad} of {arr.size} values are wrong; the first is at index "
                f"{idx}, where you have {float(arr[idx]):.6g}."
            )
        raise CheckError(msg + _hint(arr, expected))


def check_scalar(got, expected, name, *, rtol=1e-6, atol=1e-9):
    """Check a single real number (Python or numpy scalar, or a 0-d array).

    A one-element array such as ``np.array([3.0])`` is refused: the exercises ask for
    a number, and an array would break code that formats or compares it.
    """
    _require_name(name)
    if got is None:
        raise CheckError(f"{name} is None: did the function forget to `return` its result?")
    if isinstance(got, (bool, np.bool_)):
        raise CheckError(f"{name} should be a number, got a bool.")
    if isinstance(got, np.ndarray) and got.ndim > 0:
        raise CheckError(
            f"{name} should be a single number, got {_describe(got)}. "
            "Reduce it (np.mean, np.sum) or use float(...)."
        )
    if not isinstance(got, (numbers.Real, np.ndarray)):
        raise CheckError(f"{name} should be a single number, got {_describe(got)}.")
    expected = float(expected)
    value = float(got)
    if not np.isfinite(value) and np.isfinite(expected):
        raise CheckError(
            f"{name} is {value}. Look for an overflow, a log of 0 or a division by 0."
        )
    if not np.isclose(value, expected, rtol=rtol, atol=atol):
        raise CheckError(f"{name} = {value:.6g} is not the expected value." + _hint(
            np.array([value]), np.array([expected])))


def check_labels(got, expected, name, *, allowed=(0, 1)):
    """Check an array of class labels: shape, integer-valued, exactly equal.

    Booleans and floats holding whole numbers are accepted; a label like 0.7 is not.
    ``allowed`` lists the valid labels (0 and 1 unless told otherwise).
    """
    _require_name(name)
    expected = np.asarray(expected)
    arr = _as_numeric_array(got, name)
    if arr.shape != expected.shape:
        raise CheckError(f"{name} should have shape {expected.shape}, got shape {arr.shape}.")
    if arr.dtype.kind == "f":
        if not np.all(np.isfinite(arr)):
            raise CheckError(f"{name} contains NaN or inf; labels must be whole numbers.")
        if np.any(arr != np.round(arr)):
            raise CheckError(
                f"{name} contains values that are not whole numbers; return class labels "
                "(e.g. 0 and 1), not probabilities."
            )
    extra = set(np.unique(arr.astype(int)).tolist()) - set(allowed)
    if extra:
        raise CheckError(f"{name} contains label(s) {sorted(extra)}, which are not valid here.")
    wrong = arr.astype(int) != expected.astype(int)
    if np.any(wrong):
        raise CheckError(f"{name}: {int(wrong.sum())} of {arr.size} labels are wrong.")


def check_tuple(got, length, name):
    """Check that a function returned a tuple (or list) of ``length`` items.

    Returns nothing; unpack the result yourself after this check passes.
    """
    _require_name(name)
    if not isinstance(length, int) or length < 1:
        raise TypeError(f"length must be a positive int, got {length!r}")
    if got is None:
        raise CheckError(f"{name} returned None: did the function forget to `return`?")
    if not isinstance(got, (tuple, list)):
        raise CheckError(f"{name} should return {length} values as a tuple, got {_describe(got)}.")
    if len(got) != length:
        raise CheckError(f"{name} should return {length} values, got {len(got)}.")


def check_unchanged(before, after, name):
    """Check that an input array was not modified in place."""
    _require_name(name)
    before = np.asarray(before)
    after = np.asarray(after)
    if before.shape != after.shape or not np.array_equal(before, after, equal_nan=True):
        raise CheckError(f"{name} was modified in place; work on a copy instead.")


def check_true(condition, message):
    """Raise :class:`CheckError` with ``message`` unless ``condition`` holds."""
    if not isinstance(message, str) or not message:
        raise TypeError("message must be a non-empty string")
    # Only plain values: an object whose __bool__ or __eq__ always says yes must not pass.
    if type(condition).__module__ not in ("builtins", "numpy") or not isinstance(
            condition, (bool, int, float, np.bool_, np.number, np.ndarray)):
        raise CheckError(f"{message} (the check got {_describe(condition)}, not True or False: "
                         "return plain numbers and numpy arrays)")
    if isinstance(condition, np.ndarray) and condition.shape != ():
        raise TypeError("check_true needs one truth value, not an array: use np.all(...) or np.any(...)")
    if not bool(condition):
        raise CheckError(message)


def check_integer(got, expected, name):
    """Check a whole number: a Python or numpy integer (not a bool, not a float) equal to ``expected``.

    Used for counts, sizes and indices (an epoch number, an output size, a parameter count).
    """
    _require_name(name)
    if got is None:
        raise CheckError(f"{name} is None: did the function forget to `return` its result?")
    if isinstance(got, (bool, np.bool_)) or not isinstance(got, (numbers.Integral, np.integer)):
        hint = " Use int(...) or integer division (//)." if isinstance(got, (float, np.floating)) else ""
        raise CheckError(f"{name} should be an int, got {_describe(got)}.{hint}")
    if int(got) != int(expected):
        raise CheckError(f"{name} = {int(got)} is not the expected value.")


def check_shape(got, expected_shape, name):
    """Check that ``got`` is an array (or array-like) of shape ``expected_shape``."""
    _require_name(name)
    expected_shape = tuple(int(d) for d in expected_shape)
    arr = _as_numeric_array(got, name)
    if arr.shape != expected_shape:
        raise CheckError(f"{name} should have shape {expected_shape}, got shape {arr.shape}.")


def check_keys(got, expected_keys, name):
    """Check that ``got`` is a dict whose keys are exactly ``expected_keys`` (any order)."""
    _require_name(name)
    if not isinstance(got, dict):
        raise CheckError(f"{name} should be a dict, got {_describe(got)}.")
    expected = set(expected_keys)
    missing = expected - set(got)
    extra = set(got) - expected
    if missing:
        raise CheckError(f"{name} is missing the key(s) {sorted(map(repr, missing))}.")
    if extra:
        raise CheckError(f"{name} has unexpected key(s) {sorted(map(repr, extra))}.")


def check_at_least(got, minimum, name):
    """Check that a single number reaches ``minimum`` (an accuracy, an AUC, a speed-up).

    The message says the bar and the value reached: for a trained model both are fair to
    show, since the bar is a threshold, not an answer.
    """
    _require_name(name)
    if got is None or isinstance(got, (bool, np.bool_)) or not isinstance(got, (numbers.Real, np.ndarray)) \
            or np.ndim(got) != 0:
        raise CheckError(f"{name} should be a single number, got {_describe(got)}.")
    value, bar = float(got), float(minimum)
    dtype = np.asarray(got).dtype
    if dtype.kind == "f" and dtype.itemsize < 8:
        # Keras reports float32 metrics: an accuracy of exactly 0.9 is float32(0.9), a hair
        # below the float64 bar 0.9. Compare at the precision the value was computed in.
        bar = float(np.asarray(minimum, dtype=dtype))
    if not np.isfinite(value) or value < bar:
        raise CheckError(f"{name} = {value:.4g} is below the required {float(minimum):.4g}.")


def check_model_output_shape(model, input_shape, output_shape, name):
    """Check a Keras model's output shape for a batch of the given input shape.

    ``input_shape`` and ``output_shape`` include the batch size, e.g. ``(4, 8, 8, 1)`` and
    ``(4, 10)``. The model is called once on zeros (inference mode), so any model that
    maps arrays to arrays can be checked; nothing is trained.
    """
    _require_name(name)
    if model is None:
        raise CheckError(f"{name} is None: did the function forget to `return` the model?")
    if not callable(model):
        raise CheckError(f"{name} should be a Keras model, got {_describe(model)}.")
    x = np.zeros(tuple(int(d) for d in input_shape), dtype="float32")
    try:
        out = model(x, training=False)
    except Exception as exc:  # a model built for another input shape
        raise CheckError(f"{name} could not be called on a batch of shape {x.shape}: "
                         f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}") from None
    shape = tuple(int(d) for d in np.shape(out))
    if shape != tuple(int(d) for d in output_shape):
        raise CheckError(f"{name} maps a batch of shape {x.shape} to shape {shape}; "
                         f"expected {tuple(output_shape)}.")
