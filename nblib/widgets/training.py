"""Training runs side by side: loss curves and the decision surface per learning rate."""

from functools import partial

import ipywidgets as widgets
import numpy as np
from matplotlib.figure import Figure

from nblib import _validate
from nblib.plots import plot_loss_comparison, plot_probability_map
from nblib.widgets.base import call_learner, picture_explorer


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
        plot_loss_comparison(curves, ax=ax1, logy=True, highlight=lr, title="loss per epoch",
                             legend_loc="upper right")
        losses = np.asarray(curves[lr], dtype=float)
        predict_proba = partial(call_learner, predictors[lr], name="predict_proba")
        plot_probability_map(predict_proba, X, y, ax=ax2, resolution=80,
                             title=f"{lr}: final loss {losses[-1]:.3f}")
        fig.tight_layout()
        return fig

    return picture_explorer(
        draw,
        lr=widgets.SelectionSlider(options=labels, value=labels[len(labels) // 2],
                                   description="learning rate", continuous_update=False),
    )
