"""Curves: losses and errors over epochs, functions over their input, fitted lines.
"""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import MaxNLocator

from nblib import _validate
from nblib.plots._axes import new_axes


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

    checked = _validate.loss_curves(curves, counts=True)
    ax = draw_marked_curves(checked, ax=ax, xlabel="epoch", ylabel="misclassified samples",
                            title=title, shrink_markers=True)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylim(bottom=-0.2)
    return ax


def draw_marked_curves(curves, *, ax=None, xlabel, ylabel, title=None, logy=False,
                       shrink_markers=False):
    """Draw curves already validated (name -> 1-D array) with a marker per point, from x = 1.

    The common part of the epoch-by-epoch and layer-by-layer pictures: one marker shape
    per run, integer x ticks, a legend.

    Parameters
    ----------
    curves : dict of str to 1-D ndarray
        As returned by the argument validators (``nblib._validate.loss_curves``).
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new (6, 3.5) figure if omitted.
    xlabel, ylabel, title : str
        Labels.
    logy : bool, default False
        Logarithmic vertical axis.
    shrink_markers : bool, default False
        Each later run gets smaller markers, so that curves that coincide stay visible.

    Returns
    -------
    matplotlib.axes.Axes

    Used in: lab 02 (``plot_error_curves``) and lab 04 (``plot_gradient_norms``).
    """
    ax = new_axes(ax, (6, 3.5))
    markers = ["o", "s", "^", "D", "v", "P"]
    for i, (name, arr) in enumerate(curves.items()):
        size = {"markersize": max(3, 9 - 2 * i)} if shrink_markers else {}
        ax.plot(np.arange(1, arr.size + 1), arr, marker=markers[i % len(markers)], label=name, **size)
    if logy:
        ax.set_yscale("log")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if title is not None:
        ax.set_title(str(title))
    ax.legend(fontsize="small")
    return ax


def plot_loss_comparison(curves, *, ax=None, logy=False, title=None, xlabel="epoch",
                         ylabel="loss", highlight=None, legend_loc="best"):
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
    legend_loc : str or pair of float, default "best"
        Where the legend goes (matplotlib's ``loc``). Widgets pass a fixed place so
        that the legend does not jump while a control moves.

    Returns
    -------
    matplotlib.axes.Axes

    Used in: lab 03 (sections "Training the network", "Batch, stochastic and
    mini-batch gradient descent", "Learning rates").
    """
    checked = _validate.loss_curves(curves, logy)
    if highlight is not None and highlight not in checked:
        raise ValueError(f"highlight={highlight!r} is not one of the runs {list(curves)}")
    ax = new_axes(ax, (6, 3.5))
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
    ax.legend(fontsize="small", loc=legend_loc)
    return ax


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
    functions = _validate.callables(functions, "functions")
    derivatives = {} if derivatives is None else _validate.callables(derivatives, "derivatives")
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
    ncols = min(_validate.int_at_least(ncols, "ncols", 1), len(functions))
    nrows = -(-len(functions) // ncols)
    if figsize is None:
        figsize = (3.0 * ncols, 2.6 * nrows)
    fig, axes = plt.subplots(nrows, ncols, figsize=figsize, squeeze=False)
    for ax, (title, fn) in zip(axes.ravel(), functions.items()):
        ax.axhline(0, color="0.8", linewidth=0.8)
        ax.axvline(0, color="0.8", linewidth=0.8)
        ax.plot(z, _validate.curve_values(fn, z, f"functions[{title!r}]"), label="f(z)")
        if title in derivatives:
            ax.plot(z, _validate.curve_values(derivatives[title], z, f"derivatives[{title!r}]"), "--",
                    label="f'(z)")
        ax.set_title(title, fontsize="medium")
        ax.set_xlabel("z")
    for ax in axes.ravel()[len(functions):]:
        ax.set_visible(False)
    axes.ravel()[0].legend(fontsize="small", loc="upper left")
    fig.tight_layout()
    return fig


def plot_line_fit(x, y, predictions=None, *, ax=None, residuals=None, xlabel="x", ylabel="y",
                  title=None, legend_loc="best"):
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
    legend_loc : str or pair of float, default "best"
        Where the legend goes (matplotlib's ``loc``). Widgets pass a fixed place so
        that the legend does not jump while a control moves.

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
    x = _validate.vector(x, "x")
    y = _validate.vector(y, "y", x.size)
    if predictions is None:
        predictions = {}
    if not isinstance(predictions, dict):
        raise TypeError("predictions must be a dict mapping a legend label to n predictions")
    checked = {str(k): _validate.vector(v, f"predictions[{k!r}]", x.size) for k, v in predictions.items()}
    if residuals is not None and str(residuals) not in checked:
        raise ValueError(f"residuals={residuals!r} is not one of the predictions {list(checked)}")
    ax = new_axes(ax, (6, 4))
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
    ax.legend(fontsize="small", loc=legend_loc)
    return ax
