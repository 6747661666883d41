"""Two-dimensional classifier pictures: decision regions, boundary lines, probability maps.
"""

import numpy as np

from nblib import _validate
from nblib.plots._axes import new_axes


def plot_decision_regions(predict, X, y, *, ax=None, title=None, xlim=None, ylim=None,
                          resolution=200, mark_mistakes=True, legend_loc="best"):
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
    legend_loc : str or pair of float, default "best"
        Where the legend goes (matplotlib's ``loc``). Widgets pass a fixed place so
        that the legend does not jump while a control moves.

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
    "Linear separability", "XOR with two layers of perceptrons", and the perceptron playground).
    """

    if not callable(predict):
        raise TypeError(f"predict must be a callable returning 0/1 labels, got {type(predict).__name__}")
    X = _validate.points_2d(X)
    y = _validate.labels01(y, X.shape[0])
    resolution = _validate.int_at_least(resolution, "resolution", 2)
    x_lo, x_hi = _validate.value_range(xlim, None, "xlim", data=X[:, 0])
    y_lo, y_hi = _validate.value_range(ylim, None, "ylim", data=X[:, 1])

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

    ax = new_axes(ax, (5, 4))
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
    ax.legend(loc=legend_loc, fontsize="x-small", markerscale=0.6, framealpha=0.85)
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
    resolution = _validate.int_at_least(resolution, "resolution", 2)
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
    ax = new_axes(ax, (5, 4))
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
