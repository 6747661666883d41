"""A step unit's weights and bias by hand, with the regions it draws."""

import ipywidgets as widgets
import numpy as np
from matplotlib.figure import Figure

from nblib import _validate
from nblib.plots import plot_boundary_line, plot_decision_regions
from nblib.widgets.base import call_learner, picture_explorer

# A fixed place for the legend: matplotlib's "best" moves it as the regions change.
LEGEND_LOC = "upper right"


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

    Used in: lab 02 (section "Logic gates as data, and weights by hand").
    """
    if not callable(perceptron_output):
        raise TypeError("perceptron_output must be a function perceptron_output(X, w, b), "
                        f"got {type(perceptron_output).__name__}")
    X = _validate.points_2d(X)
    if not isinstance(targets, dict) or not targets:
        raise TypeError("targets must be a non-empty dict mapping a name to its labels")
    labels = {str(name): _validate.labels01(y, X.shape[0], f"targets[{name!r}]")
              for name, y in targets.items()}
    lo, hi = _validate.value_range(value_range, None, "value_range")
    try:
        w1, w2 = (float(v) for v in w)
        b = float(b)
        step = float(step)
    except (TypeError, ValueError):
        raise TypeError("w must be a pair of numbers; b and step numbers") from None
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
        def unit(points):
            return call_learner(perceptron_output, points, weights, b, name="perceptron_output")

        unit(X)  # an unfinished exercise is reported before any drawing starts
        y = labels[target]
        fig = Figure(figsize=(5, 4))
        ax = fig.subplots()
        plot_decision_regions(unit, X, y, ax=ax,
                              xlim=xlim, ylim=ylim, resolution=120, legend_loc=LEGEND_LOC)
        plot_boundary_line(weights, b, ax, show_normal=True)
        pred = np.asarray(unit(X)).reshape(-1)
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
