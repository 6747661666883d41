"""Fit a line by hand: slope and intercept sliders scored by the learner's loss."""

import ipywidgets as widgets
import numpy as np
from matplotlib.figure import Figure

from nblib import _validate
from nblib.plots import plot_line_fit
from nblib.widgets.base import LearnerCodeError, call_learner, picture_explorer


def line_explorer(x, y, predict, loss, *, reference=None, reference_label="reference",
                  slope_range=None, intercept_range=None, xlabel="x", ylabel="y"):
    """Sliders for the slope and intercept of a line through one feature's data.

    Each redraw computes the line with the learner's ``predict`` and its error with the
    learner's ``loss`` (both passed in), draws the data, the line and its residuals,
    and shows the loss in the title. An optional reference line (for instance the
    least-squares fit) is drawn dashed, with its own loss, for comparison. If one of
    the learner's functions is not implemented yet or fails, the widget shows a short
    message instead of a traceback. The callback only redraws (no training).

    Parameters
    ----------
    x : array_like, shape (n,)
        The feature (one column of the data).
    y : array_like, shape (n,)
        The labels.
    predict : callable
        ``predict(X, w, b)`` with X of shape (n, 1), w of shape (1,) and a float b,
        returning the n predictions.
    loss : callable
        ``loss(y_true, y_pred)`` returning one number.
    reference : pair (w, b) or callable, optional
        A line to compare with: its slope (a number or an array of one number) and
        intercept, or a fitting function ``fit(X, y)`` returning that pair (for instance
        the learner's least-squares function, called once with X of shape (n, 1)). If the
        fitting function is not implemented yet or fails, the widget says so and draws no
        reference line.
    reference_label : str, default "reference"
        Its name in the legend, e.g. "least squares".
    slope_range, intercept_range : pair of float, optional
        Slider ranges. By default the slope spans +-2 * ptp(y) / ptp(x) and the
        intercept the range of ``y``; the sliders start at slope 0 and the middle of
        the intercept range.
    xlabel, ylabel : str, optional
        Axis labels.

    Returns
    -------
    PictureWidget
        The two sliders, a message line and the picture; display it with
        ``display(...)``. Its attribute ``figure`` is the matplotlib Figure of the last
        redraw (None while the learner's functions fail).

    Raises
    ------
    TypeError
        If ``predict`` or ``loss`` is not callable, or an argument is not numeric.
    ValueError
        If ``x`` and ``y`` differ in length, hold NaN or inf, ``x`` is constant, or a
        range is empty.

    Used in: lab 01 (section "Fit a line by hand").
    """

    for fn, what in ((predict, "predict"), (loss, "loss")):
        if not callable(fn):
            raise TypeError(f"{what} must be a function, got {type(fn).__name__}")
    x = _validate.vector(x, "x")
    y = _validate.vector(y, "y", x.size)
    if np.ptp(x) == 0:
        raise ValueError("x is constant: a slope cannot be seen")
    X = x.reshape(-1, 1)
    reference, ref_note = _reference_line(reference, X, y)
    span = 2.0 * float(np.ptp(y) / np.ptp(x))
    s_lo, s_hi = _validate.value_range(slope_range, (-span, span), "slope_range")
    i_lo, i_hi = _validate.value_range(intercept_range, (float(y.min()), float(y.max())),
                                       "intercept_range")
    l_name = getattr(loss, "__name__", "loss")
    # Fixed axes and legend: the picture must not jump while a slider moves.
    pad_x, pad_y = 0.05 * float(np.ptp(x)), 0.1 * float(np.ptp(y))
    xlim = (float(x.min()) - pad_x, float(x.max()) + pad_x)
    ylim = (float(y.min()) - pad_y, float(y.max()) + pad_y)

    def draw(slope, intercept):
        pred, value, problem = _line_and_loss(predict, loss, X, y, slope, intercept)
        if problem is not None:
            return problem
        lines = {f"your line ({l_name} = {value:,.1f})": pred}
        if reference is not None:
            ref_pred, ref_value, ref_problem = _line_and_loss(predict, loss, X, y, *reference)
            if ref_problem is None:
                lines[f"{reference_label} ({l_name} = {ref_value:,.1f})"] = ref_pred
        fig = Figure(figsize=(6, 4))
        ax = fig.subplots()
        plot_line_fit(x, y, lines, ax=ax, residuals=next(iter(lines)), xlabel=xlabel, ylabel=ylabel,
                      title=f"y = {slope:.1f} x {'-' if intercept < 0 else '+'} {abs(intercept):.1f}",
                      legend_loc="upper left")
        ax.set_xlim(*xlim)
        ax.set_ylim(*ylim)
        fig.tight_layout()
        return (fig, ref_note) if ref_note else fig

    def slider(description, lo, hi, value):
        # continuous_update=False: redraw once when the slider is released.
        return widgets.FloatSlider(value=value, min=lo, max=hi, step=(hi - lo) / 200,
                                   description=description, continuous_update=False,
                                   readout_format=".1f")

    return picture_explorer(draw, slope=slider("slope", s_lo, s_hi, min(max(0.0, s_lo), s_hi)),
                            intercept=slider("intercept", i_lo, i_hi, (i_lo + i_hi) / 2))


def _reference_line(reference, X, y):
    """The reference line as (slope, intercept), or None and a note saying why not.

    ``reference`` is None, a pair, or the learner's fitting function ``fit(X, y)``; a pair
    that is not numbers is the caller's mistake (an error), a fitting function that fails
    is the learner's (a note under the widget).
    """
    if reference is None:
        return None, None
    if callable(reference):
        fit_name = getattr(reference, "__name__", "the reference function")
        try:
            fitted = call_learner(reference, X, y)
        except LearnerCodeError as exc:  # the learner's code: a note, the widget still works
            return None, f"({str(exc).rstrip('.')}. No reference line until then.)"
        pair = _slope_intercept(fitted)
        if pair is None:
            return None, f"({fit_name} should return (w, b) with w of shape (1,): no reference line.)"
        return pair, None
    try:
        w, b = reference
        np.asarray(w, dtype=float), float(b)
    except (TypeError, ValueError):
        raise TypeError("reference must be a pair (slope, intercept) of numbers") from None
    pair = _slope_intercept(reference)
    if pair is None:
        raise ValueError("reference must be a pair (slope, intercept) of finite numbers, "
                         "the slope a single number")
    return pair, None


def _slope_intercept(pair):
    """(w, b) with w one number (or an array of one) as two floats, or None."""
    try:
        w, b = pair
        w = np.asarray(w, dtype=float).reshape(-1)
        b = float(b)
    except (TypeError, ValueError):
        return None
    if w.size != 1 or not np.isfinite(w[0]) or not np.isfinite(b):
        return None
    return float(w[0]), b


def _line_and_loss(predict, loss, X, y, w, b):
    """The learner's predictions and loss for one line, or a message saying what went wrong.

    An exception of ``predict`` or ``loss`` becomes a ``LearnerCodeError`` that
    ``picture_explorer`` shows.
    """
    p_name = getattr(predict, "__name__", "predict")
    l_name = getattr(loss, "__name__", "loss")
    pred = call_learner(predict, X, np.array([w]), b)
    pred = np.asarray(pred, dtype=float) if np.asarray(pred).dtype.kind in "biuf" else None
    n = X.shape[0]
    if pred is None or pred.shape != (n,):
        got = "non-numeric values" if pred is None else f"shape {pred.shape}"
        return None, None, f"{p_name} should return {n} predictions (shape ({n},)), got {got}."
    if not np.all(np.isfinite(pred)):
        return None, None, f"{p_name} returned NaN or inf."
    with np.errstate(all="ignore"):
        value = call_learner(loss, y, pred)
    if np.ndim(value) != 0 or np.asarray(value).dtype.kind not in "biuf":
        return pred, None, f"{l_name} should return a single number."
    return pred, float(value), None
