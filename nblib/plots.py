"""Plotting helpers for the labs: pure functions that draw what they are given.

Each function takes the data (and, for a classifier, a ``predict`` callable) as
arguments and returns the matplotlib Axes it drew on; none computes the answer to a
graded exercise. Import explicitly, e.g. ``from nblib.plots import plot_decision_regions``.
"""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import MaxNLocator


# ---------------------------------------------------------------- lab 02 (perceptron)

def _p02_points_2d(X, name="X"):
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


def _p02_labels01(y, n, name="y"):
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


def _p02_limits(lim, data, name):
    if lim is None:
        lo, hi = float(np.min(data)), float(np.max(data))
        pad = max(0.5, 0.1 * (hi - lo))
        return lo - pad, hi + pad
    try:
        lo, hi = (float(v) for v in lim)
    except (TypeError, ValueError):
        raise TypeError(f"{name} must be a pair of numbers (low, high), got {lim!r}") from None
    if not (np.isfinite(lo) and np.isfinite(hi) and lo < hi):
        raise ValueError(f"{name} must satisfy low < high, got {lim!r}")
    return lo, hi


def plot_decision_regions(predict, X, y, *, ax=None, title=None, xlim=None, ylim=None,
                          resolution=200, mark_mistakes=True):
    """Shade where a 0/1 classifier outputs 1 and draw labelled 2-D points on top.

    The classifier is passed in as a callable, so the picture shows whatever the
    learner's own code computes (nothing here decides a class itself).

    Parameters
    ----------
    predict : callable
        ``predict(G)`` takes an (m, 2) float array of points and returns m labels,
        each 0 or 1 (booleans are accepted), as shape (m,) or (m, 1).
    X : array_like, shape (n, 2)
        The points to draw.
    y : array_like, shape (n,)
        Their true labels, 0 or 1.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new (5, 4) figure if omitted.
    title : str, optional
        Axes title.
    xlim, ylim : pair of float, optional
        Plotted range; by default the data range padded by at least 0.5.
    resolution : int, default 200
        Grid points per axis used to shade the regions (at least 2).
    mark_mistakes : bool, default True
        Ring the points whose prediction differs from their label in red.

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    TypeError
        If ``predict`` is not callable or an argument is not numeric.
    ValueError
        If shapes do not match or ``predict`` returns something other than m labels 0/1.

    Used in: lab 02 (sections "The geometric view", "Training on AND, OR and XOR",
    "XOR with two layers", and the perceptron playground).
    """

    if not callable(predict):
        raise TypeError(f"predict must be a callable returning 0/1 labels, got {type(predict).__name__}")
    X = _p02_points_2d(X)
    y = _p02_labels01(y, X.shape[0])
    if isinstance(resolution, bool) or not isinstance(resolution, (int, np.integer)) or resolution < 2:
        raise ValueError(f"resolution must be an int >= 2, got {resolution!r}")
    x_lo, x_hi = _p02_limits(xlim, X[:, 0], "xlim")
    y_lo, y_hi = _p02_limits(ylim, X[:, 1], "ylim")

    def labels_of(points, what):
        out = np.asarray(predict(points))
        m = points.shape[0]
        if out.shape not in ((m,), (m, 1)):
            raise ValueError(f"predict must return {m} labels for {what} of shape {points.shape}, "
                             f"got shape {out.shape}")
        out = out.reshape(m)
        if out.dtype.kind not in "biuf" or not np.all((out == 0) | (out == 1)):
            raise ValueError("predict must return labels 0 or 1 (threshold probabilities first)")
        return out.astype(int)

    gx, gy = np.meshgrid(np.linspace(x_lo, x_hi, resolution), np.linspace(y_lo, y_hi, resolution))
    grid = np.column_stack([gx.ravel(), gy.ravel()])
    zone = labels_of(grid, "the grid").reshape(gx.shape)
    pred = labels_of(X, "X")

    if ax is None:
        _, ax = plt.subplots(figsize=(5, 4))
    ax.contourf(gx, gy, zone, levels=[-0.5, 0.5, 1.5], colors=["#d8e6f3", "#f6dcc2"])
    # contour() warns when the level is not crossed, so only draw a boundary that exists.
    if zone.min() != zone.max():
        ax.contour(gx, gy, zone, levels=[0.5], colors="0.35", linewidths=1)
    ax.scatter(X[y == 0, 0], X[y == 0, 1], marker="s", s=60, c="tab:blue", edgecolors="k",
               label="label 0", zorder=3)
    ax.scatter(X[y == 1, 0], X[y == 1, 1], marker="o", s=70, c="tab:orange", edgecolors="k",
               label="label 1", zorder=3)
    wrong = pred != y
    if mark_mistakes and np.any(wrong):
        ax.scatter(X[wrong, 0], X[wrong, 1], s=260, facecolors="none", edgecolors="red",
                   linewidths=2, label="misclassified", zorder=4)
    ax.set_xlim(x_lo, x_hi)
    ax.set_ylim(y_lo, y_hi)
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    if title is not None:
        ax.set_title(str(title))
    ax.legend(loc="best", fontsize="x-small", markerscale=0.6, framealpha=0.85)
    return ax


def plot_boundary_line(w, b, ax, *, show_normal=False, **line_kwargs):
    """Draw the line ``w[0] * x1 + w[1] * x2 + b = 0`` across an axes' current range.

    Parameters
    ----------
    w : array_like, shape (2,)
        The two weights; the line is perpendicular to ``w``.
    b : float
        The bias; it moves the line along ``w`` without turning it.
    ax : matplotlib.axes.Axes
        Where to draw. Set the axis limits first: the line spans them.
    show_normal : bool, default False
        Also draw ``w`` as an arrow starting from the point of the line nearest
        the origin, pointing to the side where ``w . x + b`` is positive.
    **line_kwargs
        Passed to ``ax.plot`` (default: dashed black).

    Returns
    -------
    matplotlib.lines.Line2D or None
        The line, or None when ``w`` is (0, 0): then there is no line, the weighted
        sum equals ``b`` everywhere.

    Used in: lab 02 (sections "The geometric view" and the perceptron playground).
    """
    if ax is None or not hasattr(ax, "plot"):
        raise TypeError("ax must be a matplotlib Axes")
    try:
        w = np.asarray(w, dtype=float)
        b = float(b)
    except (TypeError, ValueError):
        raise TypeError("w must be two numbers and b a number") from None
    if w.shape != (2,):
        raise ValueError(f"w must have shape (2,), got shape {w.shape}")
    if not (np.all(np.isfinite(w)) and np.isfinite(b)):
        raise ValueError("w and b must be finite")
    style = {"color": "k", "linestyle": "--", "linewidth": 1.5}
    style.update(line_kwargs)
    x_lo, x_hi = ax.get_xlim()
    y_lo, y_hi = ax.get_ylim()
    if w[1] != 0:
        xs = np.array([x_lo, x_hi])
        (line,) = ax.plot(xs, -(w[0] * xs + b) / w[1], **style)
    elif w[0] != 0:
        (line,) = ax.plot([-b / w[0]] * 2, [y_lo, y_hi], **style)
    else:
        return None
    if show_normal:
        foot = -b * w / float(w @ w)
        ax.annotate("", xy=foot + w / np.linalg.norm(w) * 0.5, xytext=foot,
                    arrowprops={"arrowstyle": "->", "color": style["color"], "linewidth": 1.5})
    # Keep the view where it was: the line's end points may lie outside it.
    ax.set_xlim(x_lo, x_hi)
    ax.set_ylim(y_lo, y_hi)
    return line


def plot_error_curves(curves, *, ax=None, title="Misclassified samples per epoch"):
    """Plot, for one or more training runs, the number of mistakes in each epoch.

    Parameters
    ----------
    curves : dict of str to sequence of int
        Run name -> errors per epoch (non-negative numbers, at least one epoch).
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new (6, 3.5) figure if omitted.
    title : str, optional
        Axes title.

    Returns
    -------
    matplotlib.axes.Axes

    Used in: lab 02 (section "Training on AND, OR and XOR").
    """

    if not isinstance(curves, dict) or not curves:
        raise TypeError("curves must be a non-empty dict mapping a run name to its errors per epoch")
    checked = {}
    for name, errors in curves.items():
        try:
            arr = np.asarray(errors, dtype=float)
        except (TypeError, ValueError):
            raise TypeError(f"curves[{name!r}] must be a sequence of numbers") from None
        if arr.ndim != 1 or arr.size == 0:
            raise ValueError(f"curves[{name!r}] must be a non-empty 1-D sequence, got shape {arr.shape}")
        if not np.all(np.isfinite(arr)) or np.any(arr < 0):
            raise ValueError(f"curves[{name!r}] must hold non-negative finite counts")
        checked[str(name)] = arr
    if ax is None:
        _, ax = plt.subplots(figsize=(6, 3.5))
    markers = ["o", "s", "^", "D", "v", "P"]
    for i, (name, arr) in enumerate(checked.items()):
        epochs = np.arange(1, arr.size + 1)
        # Shrinking markers keep curves that coincide (all at 0, say) visible.
        ax.plot(epochs, arr, marker=markers[i % len(markers)], markersize=max(3, 9 - 2 * i),
                label=name)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("epoch")
    ax.set_ylabel("misclassified samples")
    ax.set_ylim(bottom=-0.2)
    if title is not None:
        ax.set_title(str(title))
    ax.legend(fontsize="small")
    return ax


# ---------------------------------------------------------------- lab 03 (mlp-backprop)

def _p03_callables(mapping, name):
    """``mapping`` as a dict of str -> callable, or a clear error."""
    if not isinstance(mapping, dict) or not mapping:
        raise TypeError(f"{name} must be a non-empty dict mapping a name to a function")
    for key, fn in mapping.items():
        if not callable(fn):
            raise TypeError(f"{name}[{key!r}] must be callable, got {type(fn).__name__}")
    return {str(k): v for k, v in mapping.items()}


def _p03_curve(fn, z, label):
    """``fn(z)`` as a float array of z's shape, or an error naming the function."""
    out = np.asarray(fn(z), dtype=float)
    if out.shape != z.shape:
        raise ValueError(f"{label} must return one value per input (shape {z.shape}), "
                         f"got shape {out.shape}")
    return out


def plot_activation_grid(functions, derivatives=None, *, z=None, ncols=4, figsize=None):
    """Draw each activation function (solid) and its derivative (dashed), one panel each.

    The functions are passed in as callables, so the panels show the learner's own
    implementations; nothing here computes an activation itself.

    Parameters
    ----------
    functions : dict of str to callable
        Panel title -> ``f(z)``, elementwise on a 1-D float array.
    derivatives : dict of str to callable, optional
        Panel title -> ``f'(z)``. Titles missing here get no dashed curve; a title that
        is not in ``functions`` is an error.
    z : array_like, 1-D, optional
        Inputs to draw over (default: 401 points from -4 to 4).
    ncols : int, default 4
        Panels per row.
    figsize : pair of float, optional
        Figure size (default: 3 inches per column, 2.6 per row).

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    TypeError
        If a function is not callable or ``functions`` is not a dict.
    ValueError
        If ``z`` is not a finite 1-D array, ``ncols`` is not a positive int, or a
        function returns the wrong number of values.

    Used in: lab 03 (section "Activation functions": the grid of functions and derivatives).
    """
    functions = _p03_callables(functions, "functions")
    derivatives = {} if derivatives is None else _p03_callables(derivatives, "derivatives")
    extra = sorted(set(derivatives) - set(functions))
    if extra:
        raise ValueError(f"derivatives has names that are not in functions: {extra}")
    if z is None:
        z = np.linspace(-4.0, 4.0, 401)
    try:
        z = np.asarray(z, dtype=float)
    except (TypeError, ValueError):
        raise TypeError("z must be a 1-D array of numbers") from None
    if z.ndim != 1 or z.size < 2 or not np.all(np.isfinite(z)):
        raise ValueError(f"z must be a finite 1-D array with at least 2 points, got shape {z.shape}")
    if isinstance(ncols, bool) or not isinstance(ncols, (int, np.integer)) or ncols < 1:
        raise ValueError(f"ncols must be a positive int, got {ncols!r}")
    ncols = min(int(ncols), len(functions))
    nrows = -(-len(functions) // ncols)
    if figsize is None:
        figsize = (3.0 * ncols, 2.6 * nrows)
    fig, axes = plt.subplots(nrows, ncols, figsize=figsize, squeeze=False)
    for ax, (title, fn) in zip(axes.ravel(), functions.items()):
        ax.axhline(0, color="0.8", linewidth=0.8)
        ax.axvline(0, color="0.8", linewidth=0.8)
        ax.plot(z, _p03_curve(fn, z, f"functions[{title!r}]"), label="f(z)")
        if title in derivatives:
            ax.plot(z, _p03_curve(derivatives[title], z, f"derivatives[{title!r}]"), "--",
                    label="f'(z)")
        ax.set_title(title, fontsize="medium")
        ax.set_xlabel("z")
    for ax in axes.ravel()[len(functions):]:
        ax.set_visible(False)
    axes.ravel()[0].legend(fontsize="small", loc="upper left")
    fig.tight_layout()
    return fig


def plot_probability_map(predict_proba, X, y, *, ax=None, title=None, resolution=150, pad=0.5):
    """Shade a 2-D plane by a classifier's probability of class 1 and draw the 0.5 contour.

    Parameters
    ----------
    predict_proba : callable
        ``predict_proba(G)`` takes an (m, 2) float array of points and returns m
        probabilities of class 1, as shape (m,) or (m, 1), each in [0, 1].
    X : array_like, shape (n, 2)
        Points to draw on top.
    y : array_like, shape (n,)
        Their labels, 0 or 1.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new (5, 4) figure if omitted.
    title : str, optional
        Axes title.
    resolution : int, default 150
        Grid points per axis (at least 2).
    pad : float, default 0.5
        Margin around the data, in data units (non-negative).

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    TypeError
        If ``predict_proba`` is not callable or the data are not numeric.
    ValueError
        If shapes do not match or the probabilities are not m numbers in [0, 1].

    Used in: lab 03 (sections "Training the network", "Learning rates" and
    "The same networks in scikit-learn and Keras").
    """
    if not callable(predict_proba):
        raise TypeError("predict_proba must be a callable returning probabilities, "
                        f"got {type(predict_proba).__name__}")
    try:
        X = np.asarray(X, dtype=float)
        y = np.asarray(y, dtype=float)
    except (TypeError, ValueError):
        raise TypeError("X and y must be numeric arrays") from None
    if X.ndim != 2 or X.shape[1] != 2 or X.shape[0] == 0:
        raise ValueError(f"X must have shape (n, 2) with n >= 1, got shape {X.shape}")
    if not np.all(np.isfinite(X)):
        raise ValueError("X contains NaN or inf")
    if y.shape != (X.shape[0],):
        raise ValueError(f"y must have shape ({X.shape[0]},) to match X, got shape {y.shape}")
    if not np.all((y == 0) | (y == 1)):
        raise ValueError("y must contain only the labels 0 and 1")
    if isinstance(resolution, bool) or not isinstance(resolution, (int, np.integer)) or resolution < 2:
        raise ValueError(f"resolution must be an int >= 2, got {resolution!r}")
    if not (isinstance(pad, (int, float, np.floating)) and np.isfinite(pad) and pad >= 0):
        raise ValueError(f"pad must be a non-negative number, got {pad!r}")
    x_lo, x_hi = X[:, 0].min() - pad, X[:, 0].max() + pad
    y_lo, y_hi = X[:, 1].min() - pad, X[:, 1].max() + pad
    gx, gy = np.meshgrid(np.linspace(x_lo, x_hi, resolution), np.linspace(y_lo, y_hi, resolution))
    grid = np.column_stack([gx.ravel(), gy.ravel()])
    prob = np.asarray(predict_proba(grid), dtype=float)
    if prob.shape not in ((grid.shape[0],), (grid.shape[0], 1)):
        raise ValueError(f"predict_proba must return {grid.shape[0]} probabilities for an "
                         f"array of shape {grid.shape}, got shape {prob.shape}")
    prob = prob.reshape(gx.shape)
    if not np.all(np.isfinite(prob)) or prob.min() < 0 or prob.max() > 1:
        raise ValueError("predict_proba must return probabilities in [0, 1] (apply the sigmoid)")
    if ax is None:
        _, ax = plt.subplots(figsize=(5, 4))
    ax.contourf(gx, gy, prob, levels=np.linspace(0, 1, 11), cmap="RdBu_r", alpha=0.55)
    # contour() warns when the level is not crossed, so only draw a boundary that exists.
    if prob.min() < 0.5 < prob.max():
        ax.contour(gx, gy, prob, levels=[0.5], colors="k", linewidths=1.2)
    ax.scatter(X[y == 0, 0], X[y == 0, 1], s=14, c="tab:blue", edgecolors="k", linewidths=0.3,
               label="class 0")
    ax.scatter(X[y == 1, 0], X[y == 1, 1], s=14, c="tab:red", edgecolors="k", linewidths=0.3,
               label="class 1")
    ax.set_xlim(x_lo, x_hi)
    ax.set_ylim(y_lo, y_hi)
    ax.set_xticks([])
    ax.set_yticks([])
    if title is not None:
        ax.set_title(str(title), fontsize="medium")
    return ax


def _p03_check_curves(curves, logy):
    """``curves`` as a dict of name -> 1-D float array (inf turned into gaps), or a clear error."""
    if not isinstance(curves, dict) or not curves:
        raise TypeError("curves must be a non-empty dict mapping a run name to its losses")
    checked = {}
    for name, losses in curves.items():
        try:
            arr = np.asarray(losses, dtype=float)
        except (TypeError, ValueError):
            raise TypeError(f"curves[{name!r}] must be a sequence of numbers") from None
        if arr.ndim != 1 or arr.size == 0:
            raise ValueError(f"curves[{name!r}] must be a non-empty 1-D sequence, got shape {arr.shape}")
        if np.any(np.isnan(arr)):
            raise ValueError(f"curves[{name!r}] contains NaN")
        if logy and np.any(arr <= 0):
            raise ValueError(f"curves[{name!r}] has values <= 0, which a log axis cannot show")
        # A diverged run (inf) is drawn with a gap rather than stretching the axis.
        checked[str(name)] = np.where(np.isfinite(arr), arr, np.nan)
    return checked


def plot_loss_comparison(curves, *, ax=None, logy=False, title=None, xlabel="epoch",
                         ylabel="loss", highlight=None):
    """Draw several loss curves on one axes, to compare training runs.

    Parameters
    ----------
    curves : dict of str to sequence of float
        Run name -> loss values (finite or inf; at least one value each). Non-finite
        values (a run that diverged) are left as gaps.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new (6, 3.5) figure if omitted.
    logy : bool, default False
        Logarithmic loss axis (the values must then be positive).
    title, xlabel, ylabel : str, optional
        Labels.
    highlight : str, optional
        Name of one run to draw bold; the others are drawn faint.

    Returns
    -------
    matplotlib.axes.Axes

    Used in: lab 03 (sections "Training the network", "Batch, stochastic and
    mini-batch gradient descent", "Learning rates").
    """
    checked = _p03_check_curves(curves, logy)
    if highlight is not None and highlight not in checked:
        raise ValueError(f"highlight={highlight!r} is not one of the runs {list(curves)}")
    if ax is None:
        _, ax = plt.subplots(figsize=(6, 3.5))
    for name, arr in checked.items():
        style = {}
        if highlight is not None:
            style = {"linewidth": 2.5, "alpha": 1.0} if name == highlight else {"linewidth": 1, "alpha": 0.35}
        ax.plot(np.arange(arr.size), arr, label=str(name), **style)
    if logy:
        ax.set_yscale("log")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if title is not None:
        ax.set_title(str(title), fontsize="medium")
    ax.legend(fontsize="small")
    return ax


# ---------------------------------------------------------------- lab 01 (regression)

def _r01_vector(a, name, n=None):
    """``a`` as a finite 1-D float array (of length n if given), or a clear error."""
    try:
        arr = np.asarray(a, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"{name} must be a 1-D array of numbers") from None
    if arr.ndim != 1 or arr.size == 0:
        raise ValueError(f"{name} must be a non-empty 1-D array, got shape {arr.shape}")
    if n is not None and arr.size != n:
        raise ValueError(f"{name} must have {n} values (one per point), got {arr.size}")
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} contains NaN or inf")
    return arr


def plot_line_fit(x, y, predictions=None, *, ax=None, residuals=None, xlabel="x", ylabel="y",
                  title=None):
    """Scatter one feature against the label and draw models' predictions as lines.

    The predictions are computed by the caller (with the learner's own functions), so
    the picture shows exactly what that code predicts; nothing here fits a model.

    Parameters
    ----------
    x : array_like, shape (n,)
        The feature, one value per point.
    y : array_like, shape (n,)
        The labels.
    predictions : dict of str to array_like, optional
        Legend label -> the n predictions at the points ``x``; each is drawn as a line
        through the points sorted by ``x`` (a straight line for a linear model).
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new (6, 4) figure if omitted.
    residuals : str, optional
        A key of ``predictions``: draw its residuals (label minus prediction) as thin
        vertical segments, the errors that the MSE squares and averages.
    xlabel, ylabel, title : str, optional
        Labels.

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    TypeError
        If an argument is not numeric or ``predictions`` is not a dict.
    ValueError
        If lengths differ, a value is NaN or inf, or ``residuals`` names no prediction.

    Used in: lab 01 (sections "Least squares" and "Fit a line by hand", the widget).
    """
    x = _r01_vector(x, "x")
    y = _r01_vector(y, "y", x.size)
    if predictions is None:
        predictions = {}
    if not isinstance(predictions, dict):
        raise TypeError("predictions must be a dict mapping a legend label to n predictions")
    checked = {str(k): _r01_vector(v, f"predictions[{k!r}]", x.size) for k, v in predictions.items()}
    if residuals is not None and str(residuals) not in checked:
        raise ValueError(f"residuals={residuals!r} is not one of the predictions {list(checked)}")
    if ax is None:
        _, ax = plt.subplots(figsize=(6, 4))
    order = np.argsort(x, kind="stable")
    if residuals is not None:
        ax.vlines(x, y, checked[str(residuals)], colors="tab:red", linewidths=0.6, alpha=0.35,
                  label="residuals")
    ax.scatter(x, y, s=12, c="0.45", alpha=0.7, label="data")
    styles = ["-", "--", "-.", ":"]
    for i, (name, pred) in enumerate(checked.items()):
        ax.plot(x[order], pred[order], styles[i % len(styles)], linewidth=2, label=name)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if title is not None:
        ax.set_title(str(title), fontsize="medium")
    ax.legend(fontsize="small", loc="best")
    return ax
