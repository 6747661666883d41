"""The fraud lab's demo app: a threshold dashboard and a one-transaction form.

Both are built on ``picture_explorer``. They take precomputed anomaly scores and the
learner's own functions as arguments; a callback only thresholds, counts and redraws,
it never trains.
"""

import ipywidgets as widgets
import numpy as np
from matplotlib.figure import Figure

from nblib import _validate
from nblib.plots.anomaly import plot_error_histograms, plot_feature_errors
from nblib.widgets.base import call_learner, picture_explorer


def _draw_confusion(ax, tn, fp, fn, tp):
    table = np.array([[tn, fp], [fn, tp]], dtype=float)
    ax.imshow(np.log1p(table), cmap="Blues", vmin=0.0, vmax=np.log1p(max(table.sum(), 1.0)))
    for (i, j), v in np.ndenumerate(table):
        ax.text(j, i, f"{int(v)}", ha="center", va="center", fontsize=12,
                color="white" if v > 0.3 * table.sum() else "black")
    ax.set_xticks([0, 1])
    ax.set_xticklabels(["not flagged", "flagged"])
    ax.set_yticks([0, 1])
    ax.set_yticklabels(["normal", "fraud"])
    ax.set_title("confusion matrix (rows: truth)")


def threshold_dashboard(errors, y_true, precision_recall, *, start=None, xlim=None):
    """A threshold slider: flagged transactions, precision, recall and the confusion matrix.

    Parameters
    ----------
    errors : array_like, shape (n,)
        Anomaly scores (> 0) of the rows to judge, e.g. the test split.
    y_true : array_like, shape (n,)
        1 for fraud, 0 for normal.
    precision_recall : callable
        The learner's ``precision_recall(y_true, flagged) -> (precision, recall)``; until
        it is implemented the dashboard shows a note instead of the picture.
    start : float, optional
        Initial threshold (e.g. the one chosen on validation data); by default the 99th
        percentile of ``errors``.
    xlim : (float, float), optional
        Fixed range of the error axis; by default the range of ``errors``.

    Returns
    -------
    PictureWidget

    Used in: lab 07 (section "The demo app").
    """
    e = _validate.vector(errors, "errors")
    y = _validate.labels01(y_true, e.size, "y_true")
    if np.any(e <= 0):
        raise ValueError("errors must all be > 0 (the slider moves on a log scale)")
    if not callable(precision_recall):
        raise TypeError("precision_recall must be a function (y_true, flagged) -> (precision, recall)")
    lo, hi = _validate.value_range(xlim, (float(e.min()) / 1.1, float(e.max()) * 1.1), "xlim")
    if lo <= 0:
        raise ValueError("xlim must be positive (log axis)")
    start = float(np.quantile(e, 0.99)) if start is None else float(start)
    start = float(np.clip(start, lo, hi))

    def draw(threshold):
        flagged = (e > threshold).astype(int)
        precision, recall = call_learner(precision_recall, y, flagged, name="precision_recall")
        tp = int(np.sum((flagged == 1) & (y == 1)))
        fp = int(np.sum((flagged == 1) & (y == 0)))
        fn = int(np.sum((flagged == 0) & (y == 1)))
        tn = int(np.sum((flagged == 0) & (y == 0)))
        fig = Figure(figsize=(11, 3.8))
        ax1, ax2 = fig.subplots(1, 2, gridspec_kw={"width_ratios": [2.2, 1]})
        plot_error_histograms(e, y, threshold, ax=ax1, xlim=(lo, hi), title=None,
                              legend_loc="upper left")
        # Room above the bars for the legend (the bars do not change with the threshold).
        ax1.set_ylim(0.0, 1.4 * ax1.get_ylim()[1])
        _draw_confusion(ax2, tn, fp, fn, tp)
        fig.tight_layout()
        note = (f"threshold {threshold:.3g}: {int(flagged.sum())} of {e.size} transactions flagged "
                f"({flagged.mean():.2%}); precision {float(precision):.3f}, recall {float(recall):.3f}")
        return fig, note

    slider = widgets.FloatLogSlider(value=start, base=10, min=np.log10(lo), max=np.log10(hi),
                                    step=0.01, description="threshold", readout_format=".3g",
                                    continuous_update=False,
                                    layout=widgets.Layout(width="520px"))
    return picture_explorer(draw, threshold=slider)


def transaction_form(score, threshold, feature_names, categories, *, xlim=(0.0, 30.0),
                     reference=None):
    """A form to type in one transaction and see its anomaly score and per-feature errors.

    Parameters
    ----------
    score : callable
        ``score(amount, hours_since_last, new_device, distance_km, category, hour)`` ->
        ``(anomaly_score, per_feature_errors)``, written in the notebook with the
        learner's model and functions; if it raises (e.g. NotImplementedError), a note is shown.
    threshold : float
        Scores above it are flagged.
    feature_names : sequence of str
        Names of the per-feature errors, in order.
    categories : sequence of str
        Merchant categories offered in the drop-down (passed to ``score`` by name).
    xlim : (float, float), default (0, 30)
        Fixed range of the per-feature error axis.
    reference : array_like, optional
        Typical per-feature errors of normal rows, drawn as markers.

    Returns
    -------
    PictureWidget

    Used in: lab 07 (section "The demo app").
    """
    if not callable(score):
        raise TypeError("score must be a function returning (anomaly_score, per_feature_errors)")
    threshold = float(threshold)
    if not np.isfinite(threshold) or threshold <= 0:
        raise ValueError(f"threshold must be a positive number, got {threshold!r}")
    names = [str(n) for n in feature_names]
    cats = [str(c) for c in categories]
    if not names or not cats:
        raise ValueError("feature_names and categories must not be empty")
    lims = _validate.value_range(xlim, None, "xlim")
    ref = None if reference is None else _validate.vector(reference, "reference", len(names))

    def draw(amount, hours_since_last, new_device, distance_km, category, hour):
        # score is the notebook's; an unfinished exercise it calls is named by its own name.
        value, per_feature = call_learner(score, amount=amount, hours_since_last=hours_since_last,
                                          new_device=new_device, distance_km=distance_km,
                                          category=category, hour=hour)
        verdict = "FLAGGED for review" if value > threshold else "looks normal"
        fig = Figure(figsize=(8, 4.5))
        ax = fig.subplots()
        plot_feature_errors(per_feature, names, ax=ax, reference=ref, xlim=lims,
                            title=f"anomaly score {float(value):.3g} (threshold {threshold:.3g}): {verdict}")
        fig.tight_layout()
        return fig

    style = {"description_width": "25ch"}  # the longest description, "distance from usual (km)"
    layout = widgets.Layout(width="480px")
    controls = dict(
        amount=widgets.FloatLogSlider(value=40.0, base=10, min=0, max=4, step=0.01,
                                      description="amount (EUR)", readout_format=".2f", style=style,
                                      layout=layout, continuous_update=False),
        hours_since_last=widgets.FloatLogSlider(value=24.0, base=10, min=-2, max=3, step=0.01,
                                                description="hours since last", readout_format=".2f",
                                                style=style, layout=layout, continuous_update=False),
        new_device=widgets.Checkbox(value=False, description="new device", style=style, layout=layout),
        distance_km=widgets.FloatLogSlider(value=3.0, base=10, min=-1, max=4, step=0.01,
                                           description="distance from usual (km)", readout_format=".1f",
                                           style=style, layout=layout, continuous_update=False),
        category=widgets.Dropdown(options=cats, value=cats[0], description="merchant category",
                                  style=style, layout=layout),
        hour=widgets.FloatSlider(value=14.0, min=0.0, max=23.9, step=0.1, description="hour of day",
                                 style=style, layout=layout, continuous_update=False),
    )
    return picture_explorer(draw, **controls)
