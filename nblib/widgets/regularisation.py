"""The L2 / model-size explorer of lab 04, built on ``picture_explorer``.
"""

from functools import partial

import ipywidgets as widgets
import numpy as np
from matplotlib.figure import Figure

from nblib import _validate
from nblib.plots.diagnostics import plot_train_val_curves
from nblib.plots.regions import plot_probability_map
from nblib.widgets.base import call_learner, picture_explorer


def regularisation_explorer(runs, X, y):
    """Two sliders, L2 strength and hidden units: decision map and train/validation curves.

    Training happens beforehand, in the notebook, once per (strength, size) pair; the
    callback only redraws the chosen run. Both panels keep fixed axis limits (the
    loss axis spans every run, the epoch axis the longest run) and the legend a fixed
    place, so that nothing jumps while a slider moves.

    Parameters
    ----------
    runs : dict of (float, int) to dict
        ``(l2_strength, hidden_units)`` -> ``{"train_loss": sequence, "val_loss":
        sequence, "predict_proba": callable}``: the losses of every epoch and a
        function taking an (m, 2) array of points to m probabilities of class 1.
        Every combination of the strengths and sizes that appear must be present.
    X : array_like, shape (n, 2)
        Points to draw on the map (the validation set, say).
    y : array_like, shape (n,)
        Their labels, 0 or 1.

    Returns
    -------
    PictureWidget
        Display it with ``display(...)``.

    Used in: lab 04 (section "Explore: L2 strength and model size").
    """
    if not isinstance(runs, dict) or not runs:
        raise TypeError("runs must be a non-empty dict mapping (l2_strength, hidden_units) to a run")
    for key, run in runs.items():
        if not (isinstance(key, tuple) and len(key) == 2):
            raise TypeError(f"every key of runs must be a pair (l2_strength, hidden_units), got {key!r}")
        lam, size = key
        if isinstance(lam, bool) or not isinstance(lam, (int, float, np.integer, np.floating)) or lam < 0:
            raise ValueError(f"l2_strength must be a number >= 0, got {lam!r}")
        _validate.int_at_least(size, "hidden_units", 1)
        if not isinstance(run, dict) or set(run) != {"train_loss", "val_loss", "predict_proba"}:
            raise TypeError(f"runs[{key!r}] must be a dict with keys train_loss, val_loss, predict_proba")
        if not callable(run["predict_proba"]):
            raise TypeError(f"runs[{key!r}]['predict_proba'] must be callable")
        _validate.vector(run["train_loss"], f"runs[{key!r}]['train_loss']")
        _validate.vector(run["val_loss"], f"runs[{key!r}]['val_loss']")
    lams = sorted({float(k[0]) for k in runs})
    sizes = sorted({int(k[1]) for k in runs})
    table = {(float(k[0]), int(k[1])): v for k, v in runs.items()}
    missing = [(a, s) for a in lams for s in sizes if (a, s) not in table]
    if missing:
        raise ValueError(f"runs is missing the combination(s) {missing}")
    X = _validate.points_2d(X)
    y = _validate.labels01(y, X.shape[0])
    top = max(max(np.max(r["train_loss"]), np.max(r["val_loss"])) for r in table.values())
    ylim = (0.0, 1.05 * float(top))
    epochs = max(max(len(r["train_loss"]), len(r["val_loss"])) for r in table.values())
    xlim = (-0.05 * max(epochs - 1, 1), (epochs - 1) + 0.05 * max(epochs - 1, 1))

    def draw(l2_strength, hidden_units):
        run = table[(float(l2_strength), int(hidden_units))]
        fig = Figure(figsize=(10, 3.8))
        ax1, ax2 = fig.subplots(1, 2)
        val = np.asarray(run["val_loss"], dtype=float)
        train = np.asarray(run["train_loss"], dtype=float)
        predict_proba = partial(call_learner, run["predict_proba"], name="predict_proba")
        plot_probability_map(predict_proba, X, y, ax=ax1, resolution=80,
                             title=f"L2 = {l2_strength:g}, {hidden_units} hidden units")
        plot_train_val_curves(train, val, ax=ax2, ylim=ylim, legend_loc="upper right",
                              title=f"final loss: training {train[-1]:.3f}, validation {val[-1]:.3f}")
        ax2.set_xlim(*xlim)
        fig.tight_layout()
        return fig

    return picture_explorer(
        draw,
        l2_strength=widgets.SelectionSlider(options=lams, value=lams[0], description="L2 strength",
                                            continuous_update=False),
        hidden_units=widgets.SelectionSlider(options=sizes, value=sizes[-1], description="hidden units",
                                             continuous_update=False),
    )
