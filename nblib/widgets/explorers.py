"""Explorers built on ``picture_explorer``: each declares its controls and a draw function.
"""

import html
import io

import ipywidgets as widgets
import numpy as np
from matplotlib.figure import Figure

from nblib.plots import (plot_boundary_line, plot_decision_regions, plot_line_fit,
                         plot_loss_comparison, plot_probability_map)
from nblib.widgets.base import picture_explorer

from nblib import _validate


def perceptron_playground(perceptron_output, X, targets, *, w=(0.5, -1.0), b=0.25,
                          value_range=(-2.0, 2.0), step=0.1):
    """Sliders for w1, w2 and b of one step unit, and a dropdown of target functions.

    Each redraw shades the half-plane where the unit outputs 1, draws the boundary line
    ``w1 x1 + w2 x2 + b = 0``, rings the points it gets wrong and says how many are right.
    The unit itself is the learner's ``perceptron_output``, passed in; if it is still
    the unimplemented stub, the widget says so instead of failing.

    Parameters
    ----------
    perceptron_output : callable
        ``perceptron_output(X, w, b)`` -> 0/1 labels for the rows of ``X``.
    X : array_like, shape (n, 2)
        The input points (for logic gates: the four rows of the truth table).
    targets : dict of str to array_like
        Target name (e.g. "AND") -> its n labels, 0 or 1; the dropdown lists the names.
    w : pair of float, default (0.5, -1.0)
        Initial weights (the default solves none of AND, OR, XOR: the learner
        should find the weights).
    b : float, default 0.25
        Initial bias.
    value_range : pair of float, default (-2.0, 2.0)
        Range of the three sliders.
    step : float, default 0.1
        Slider step.

    Returns
    -------
    PictureWidget
        Display it with ``display(...)``.

    Used in: lab 02 (section "Find the weights yourself").
    """
    if not callable(perceptron_output):
        raise TypeError("perceptron_output must be a function perceptron_output(X, w, b), "
                        f"got {type(perceptron_output).__name__}")
    X = _validate.points_2d(X)
    if not isinstance(targets, dict) or not targets:
        raise TypeError("targets must be a non-empty dict mapping a name to its labels")
    labels = {}
    for name, y in targets.items():
        try:
            arr = np.asarray(y, dtype=float)
        except (TypeError, ValueError):
            raise TypeError(f"targets[{name!r}] must be an array of 0/1 labels") from None
        if arr.shape != (X.shape[0],):
            raise ValueError(f"targets[{name!r}] must have shape ({X.shape[0]},), got {arr.shape}")
        if not np.all((arr == 0) | (arr == 1)):
            raise ValueError(f"targets[{name!r}] must contain only the labels 0 and 1")
        labels[str(name)] = arr.astype(int)
    try:
        lo, hi = (float(v) for v in value_range)
        w1, w2 = (float(v) for v in w)
        b = float(b)
        step = float(step)
    except (TypeError, ValueError):
        raise TypeError("value_range and w must be pairs of numbers; b and step numbers") from None
    if not lo < hi:
        raise ValueError(f"value_range must satisfy low < high, got {value_range!r}")
    if not 0 < step <= hi - lo:
        raise ValueError(f"step must be positive and at most the slider range, got {step!r}")
    for label, value in (("w[0]", w1), ("w[1]", w2), ("b", b)):
        if not lo <= value <= hi:
            raise ValueError(f"{label} = {value} lies outside value_range {value_range!r}")

    pad = 0.5
    xlim = (X[:, 0].min() - pad, X[:, 0].max() + pad)
    ylim = (X[:, 1].min() - pad, X[:, 1].max() + pad)

    def slider(description, value):
        # continuous_update=False: redraw once when the slider is released, not per pixel.
        return widgets.FloatSlider(value=value, min=lo, max=hi, step=step, description=description,
                                   continuous_update=False, readout_format=".2f")

    def draw(target, w1, w2, b):
        weights = np.array([w1, w2])
        try:
            perceptron_output(X, weights, b)
        except NotImplementedError:
            return ("perceptron_output is not implemented yet: complete the exercise "
                    "`perceptron_output`, run its cell, then run this cell again.")
        y = labels[target]
        fig = Figure(figsize=(5, 4))
        ax = fig.subplots()
        plot_decision_regions(lambda G: perceptron_output(G, weights, b), X, y, ax=ax,
                              xlim=xlim, ylim=ylim, resolution=120)
        plot_boundary_line(weights, b, ax, show_normal=True)
        pred = np.asarray(perceptron_output(X, weights, b)).reshape(-1)
        right = int(np.sum(pred == y))
        verdict = "all correct!" if right == y.size else f"{right} of {y.size} correct"
        rule = f"{w1:.2f}·x1 {'-' if w2 < 0 else '+'} {abs(w2):.2f}·x2 {'-' if b < 0 else '+'} {abs(b):.2f}"
        ax.set_title(f"{target}: {verdict}\noutput 1 where {rule} ≥ 0", fontsize="medium")
        fig.tight_layout()
        return fig

    return picture_explorer(
        draw,
        target=widgets.Dropdown(options=list(labels), value=list(labels)[0], description="target"),
        w1=slider("w1", w1), w2=slider("w2", w2), b=slider("b", b),
    )


def activation_explorer(functions, derivatives, *, z=1.0, z_range=(-5.0, 5.0), step=0.1):
    """A dropdown of activation functions and a slider for the input z.

    Each redraw shows the chosen function, its derivative (dashed), the point
    ``(z, f(z))`` and the tangent line there, whose slope is ``f'(z)``. The functions
    are the learner's own, passed in as callables; if one is still the unimplemented
    stub the widget says so instead of failing.

    Parameters
    ----------
    functions : dict of str to callable
        Name -> ``f(z)``, elementwise on numpy arrays.
    derivatives : dict of str to callable
        Name -> ``f'(z)``; must have the same names as ``functions``.
    z : float, default 1.0
        Initial position of the slider.
    z_range : pair of float, default (-5.0, 5.0)
        Range of the slider and of the plot.
    step : float, default 0.1
        Slider step.

    Returns
    -------
    PictureWidget
        Display it with ``display(...)``.

    Used in: lab 03 (section "Activation functions": the explorer).
    """

    functions = _validate.callables(functions, "functions")
    derivatives = _validate.callables(derivatives, "derivatives")
    if set(functions) != set(derivatives):
        raise ValueError("functions and derivatives must have the same names, got "
                         f"{sorted(functions)} and {sorted(derivatives)}")
    try:
        lo, hi = (float(v) for v in z_range)
        step = float(step)
        z0 = float(z)
    except (TypeError, ValueError):
        raise TypeError("z and step must be numbers and z_range a pair of numbers") from None
    if not (np.isfinite(lo) and np.isfinite(hi) and lo < hi):
        raise ValueError(f"z_range must satisfy low < high, got {z_range!r}")
    if not 0 < step <= hi - lo:
        raise ValueError(f"step must be positive and at most the slider range, got {step!r}")
    if not lo <= z0 <= hi:
        raise ValueError(f"z = {z0} lies outside z_range {z_range!r}")
    grid = np.linspace(lo, hi, 401)

    def draw(name, z):
        f, df = functions[name], derivatives[name]
        try:
            fz = np.asarray(f(grid), dtype=float)
            dfz = np.asarray(df(grid), dtype=float)
            at = np.array([z])
            value = float(np.asarray(f(at), dtype=float).reshape(-1)[0])
            slope = float(np.asarray(df(at), dtype=float).reshape(-1)[0])
        except NotImplementedError:
            return (f"{name}: a function it uses is not implemented yet. Complete that exercise, "
                    "run its cell, then run this cell again.")
        fig = Figure(figsize=(6, 3.6))
        ax = fig.subplots()
        ax.axhline(0, color="0.8", linewidth=0.8)
        ax.axvline(0, color="0.8", linewidth=0.8)
        ax.plot(grid, fz, label=f"{name}(z)")
        ax.plot(grid, dfz, "--", label="derivative")
        half = 0.15 * (hi - lo)
        ax.plot([z - half, z + half], [value - slope * half, value + slope * half], color="k",
                linewidth=1, label="tangent")
        ax.plot([z], [value], "o", color="k")
        ax.set_title(f"{name}: f({z:.2f}) = {value:.4f}, f'({z:.2f}) = {slope:.4f}", fontsize="medium")
        ax.set_xlabel("z")
        ax.legend(fontsize="small", loc="upper left")
        fig.tight_layout()
        return fig

    names = list(functions)
    return picture_explorer(
        draw,
        name=widgets.Dropdown(options=names, value=names[0], description="function"),
        z=widgets.FloatSlider(value=z0, min=lo, max=hi, step=step,
                              description="z", continuous_update=False, readout_format=".2f"),
    )


def mlp_lr_explorer(runs, X, y):
    """A slider over learning rates: the loss curve of each run and its decision map.

    Training happens beforehand, in the notebook; the callback only redraws one
    precomputed run (its loss curve highlighted among all runs, and its probability
    map on the data), so it stays fast.

    Parameters
    ----------
    runs : dict of float to (sequence of float, callable)
        Learning rate -> ``(losses, predict_proba)``: the loss of every epoch, and a
        function taking an (m, 2) array of points to m probabilities of class 1.
    X : array_like, shape (n, 2)
        Points to draw on the map.
    y : array_like, shape (n,)
        Their labels, 0 or 1.

    Returns
    -------
    PictureWidget
        Display it with ``display(...)``.

    Used in: lab 03 (section "Learning rates": the explorer).
    """

    if not isinstance(runs, dict) or not runs:
        raise TypeError("runs must be a non-empty dict mapping a learning rate to (losses, predict_proba)")
    curves, predictors = {}, {}
    for lr, run in runs.items():
        if isinstance(lr, bool) or not isinstance(lr, (int, float, np.floating, np.integer)) or not lr > 0:
            raise ValueError(f"every key of runs must be a positive learning rate, got {lr!r}")
        if not (isinstance(run, (tuple, list)) and len(run) == 2 and callable(run[1])):
            raise TypeError(f"runs[{lr!r}] must be a pair (losses, predict_proba)")
        curves[f"lr = {lr:g}"] = run[0]
        predictors[f"lr = {lr:g}"] = run[1]
    # Validate everything once, up front, rather than failing inside a redraw.
    _validate.loss_curves(curves, logy=True)
    try:
        X = np.asarray(X, dtype=float)
        y = np.asarray(y, dtype=float)
    except (TypeError, ValueError):
        raise TypeError("X and y must be numeric arrays") from None
    if X.ndim != 2 or X.shape[1] != 2 or X.shape[0] == 0 or y.shape != (X.shape[0],):
        raise ValueError(f"X must have shape (n, 2) and y shape (n,), got {X.shape} and {y.shape}")
    labels = sorted(curves, key=lambda s: float(s.split("= ")[1]))

    def draw(lr):
        fig = Figure(figsize=(10, 3.5))
        ax1, ax2 = fig.subplots(1, 2)
        plot_loss_comparison(curves, ax=ax1, logy=True, highlight=lr, title="loss per epoch")
        losses = np.asarray(curves[lr], dtype=float)
        plot_probability_map(predictors[lr], X, y, ax=ax2, resolution=80,
                             title=f"{lr}: final loss {losses[-1]:.3f}")
        fig.tight_layout()
        return fig

    return picture_explorer(
        draw,
        lr=widgets.SelectionSlider(options=labels, value=labels[len(labels) // 2],
                                   description="learning rate", continuous_update=False),
    )


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
    ipywidgets.VBox
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
    ref_note = None
    if callable(reference):
        fit_name = getattr(reference, "__name__", "the reference function")
        try:
            fitted = reference(X, y)
        except NotImplementedError:
            fitted, ref_note = None, f"({fit_name} is not implemented yet: no reference line.)"
        except Exception as exc:  # the learner's code: report, do not crash the widget
            fitted, ref_note = None, f"({fit_name} raised {type(exc).__name__}: {exc}; no reference line.)"
        if ref_note is None:
            try:
                ref_w, ref_b = fitted
                ref_w = np.asarray(ref_w, dtype=float).reshape(-1)
                ref_b = float(ref_b)
                ok = ref_w.size == 1 and np.isfinite(ref_w[0]) and np.isfinite(ref_b)
            except (TypeError, ValueError):
                ok = False
            if ok:
                ref_w = float(ref_w[0])
            else:
                ref_note = f"({fit_name} should return (w, b) with w of shape (1,): no reference line.)"
        reference = None if ref_note else (ref_w, ref_b)
    elif reference is not None:
        try:
            ref_w, ref_b = reference
            ref_w = np.asarray(ref_w, dtype=float).reshape(-1)
            ref_b = float(ref_b)
        except (TypeError, ValueError):
            raise TypeError("reference must be a pair (slope, intercept) of numbers") from None
        if ref_w.size != 1 or not np.isfinite(ref_w[0]) or not np.isfinite(ref_b):
            raise ValueError("reference must be a pair (slope, intercept) of finite numbers, "
                             "the slope a single number")
        ref_w = float(ref_w[0])
    span = 2.0 * float(np.ptp(y) / np.ptp(x))
    s_lo, s_hi = _validate.value_range(slope_range, (-span, span), "slope_range")
    i_lo, i_hi = _validate.value_range(intercept_range, (float(y.min()), float(y.max())),
                                   "intercept_range")
    p_name = getattr(predict, "__name__", "predict")
    l_name = getattr(loss, "__name__", "loss")

    def evaluate(w, b):
        """The learner's predictions and loss, or a message saying what went wrong."""
        try:
            pred = predict(X, np.array([w]), b)
        except NotImplementedError:
            return None, None, (f"{p_name} is not implemented yet: complete its exercise, "
                                "run that cell, then run this cell again.")
        except Exception as exc:  # show any failure of the learner's code as a message
            return None, None, f"{p_name} raised {type(exc).__name__}: {exc}"
        pred = np.asarray(pred, dtype=float) if np.asarray(pred).dtype.kind in "biuf" else None
        if pred is None or pred.shape != (x.size,):
            got = "non-numeric values" if pred is None else f"shape {pred.shape}"
            return None, None, f"{p_name} should return {x.size} predictions (shape ({x.size},)), got {got}."
        if not np.all(np.isfinite(pred)):
            return None, None, f"{p_name} returned NaN or inf."
        try:
            with np.errstate(all="ignore"):
                value = loss(y, pred)
        except NotImplementedError:
            return pred, None, (f"{l_name} is not implemented yet: complete its exercise, run that "
                                "cell, then run this cell again.")
        except Exception as exc:
            return pred, None, f"{l_name} raised {type(exc).__name__}: {exc}"
        if np.ndim(value) != 0 or np.asarray(value).dtype.kind not in "biuf":
            return pred, None, f"{l_name} should return a single number."
        return pred, float(value), None

    def slider(description, lo, hi, value):
        # continuous_update=False: redraw once when the slider is released.
        return widgets.FloatSlider(value=value, min=lo, max=hi, step=(hi - lo) / 200,
                                   description=description, continuous_update=False,
                                   readout_format=".1f")

    slope_slider = slider("slope", s_lo, s_hi, min(max(0.0, s_lo), s_hi))
    intercept_slider = slider("intercept", i_lo, i_hi, (i_lo + i_hi) / 2)
    message = widgets.HTML()
    image = widgets.Image(format="png")
    explorer = _R01Explorer(children=[slope_slider, intercept_slider, message, image])

    def redraw(change=None):
        slope, intercept = slope_slider.value, intercept_slider.value
        pred, value, problem = evaluate(slope, intercept)
        notes = [problem] if problem is not None else ([ref_note] if ref_note else [])
        message.value = "<br>".join(html.escape(n) for n in notes)
        if problem is not None:
            image.layout.display = "none"
            explorer.figure = None
            return
        lines = {f"your line ({l_name} = {value:,.1f})": pred}
        if reference is not None:
            ref_pred, ref_value, ref_problem = evaluate(ref_w, ref_b)
            if ref_problem is None:
                lines[f"{reference_label} ({l_name} = {ref_value:,.1f})"] = ref_pred
        # A pyplot-free Figure: the inline backend would otherwise also show it below the cell.
        fig = Figure(figsize=(6, 4))
        ax = fig.subplots()
        plot_line_fit(x, y, lines, ax=ax, residuals=next(iter(lines)), xlabel=xlabel, ylabel=ylabel,
                      title=f"y = {slope:.1f} x {'-' if intercept < 0 else '+'} {abs(intercept):.1f}")
        fig.tight_layout()
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=90)
        image.value = buffer.getvalue()
        image.layout.display = None
        explorer.figure = fig

    slope_slider.observe(redraw, names="value")
    intercept_slider.observe(redraw, names="value")
    redraw()
    return explorer


class _R01Explorer(widgets.VBox):
    """The line explorer's box: sliders, a message line and the picture as a PNG image.

    The picture is an ``Image`` widget rather than output captured by an ``Output``
    widget: headless runners (nbclient, nbgrader) answer each captured output with a
    message on the kernel's shell channel, which races the cell's own reply and can stall
    the run for a whole cell timeout. ``figure`` holds the last matplotlib Figure drawn
    (None while the learner's functions fail), for inspection.
    """

    figure = None

    def __repr__(self):
        # The default repr would print the whole PNG as a bytes literal.
        return "line_explorer(slope and intercept sliders, and the picture of the line)"
