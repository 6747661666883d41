"""Anomaly detection pictures: error histograms, precision-recall curves, per-feature errors.

Pure drawing functions: each takes numbers already computed in the notebook (anomaly
scores, labels, per-feature errors, images) and returns the Axes (or Figure) it drew on.
Nothing here reconstructs, thresholds or scores: precision-recall curves are drawn with
``sklearn.metrics``, from the scores they are given.
"""

import matplotlib.pyplot as plt
import numpy as np
from sklearn.metrics import average_precision_score, precision_recall_curve

from nblib import _validate
from nblib.plots._axes import new_axes


def _scores_and_labels(scores, y_true, name="scores"):
    s = _validate.vector(scores, name)
    y = _validate.labels01(y_true, s.size, "y_true")
    return s, y


def plot_error_histograms(errors, y_true, threshold=None, *, ax=None, bins=60, xlim=None,
                          title="Reconstruction error: normal vs fraud", legend_loc="best"):
    """Histograms of anomaly scores for normal rows and for fraud, on a log error axis.

    Each group is normalised to its own total (a density), so that a few hundred frauds
    are visible next to tens of thousands of normal rows; the legend gives the counts.

    Parameters
    ----------
    errors : array_like, shape (n,)
        One positive score per row (a reconstruction error, say).
    y_true : array_like, shape (n,)
        1 for fraud, 0 for normal.
    threshold : float, optional
        Drawn as a vertical line, with the share of each group above it in the legend.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new (7, 3.5) figure if omitted.
    bins : int, default 60
        Number of logarithmic bins over ``xlim``.
    xlim : (float, float), optional
        Fixed error range (both > 0); by default the data's range. Widgets pass a fixed
        one so that the axis does not move.
    title : str, optional
    legend_loc : str or pair of float, default "best"
        Where the legend goes (matplotlib's ``loc``). Widgets pass a fixed place so
        that the legend does not jump while a control moves.

    Returns
    -------
    matplotlib.axes.Axes

    Used in: lab 07 (sections "Train the fraud autoencoder" and "The demo app").
    """
    e, y = _scores_and_labels(errors, y_true, "errors")
    if np.any(e <= 0):
        raise ValueError("errors must all be > 0 to be drawn on a log axis")
    bins = _validate.int_at_least(bins, "bins", 2)
    lo, hi = _validate.value_range(xlim, (float(e.min()) / 1.1, float(e.max()) * 1.1), "xlim")
    if lo <= 0:
        raise ValueError("xlim must be positive on a log axis")
    if threshold is not None:
        threshold = float(threshold)
        if not np.isfinite(threshold):
            raise ValueError("threshold must be a finite number")
    ax = new_axes(ax, (7, 3.5))
    edges = np.geomspace(lo, hi, int(bins) + 1)
    for label, mask, colour in [("normal", y == 0, "tab:blue"), ("fraud", y == 1, "tab:red")]:
        if not mask.any():
            continue
        text = f"{label} ({int(mask.sum())} rows)"
        if threshold is not None:
            text += f", {np.mean(e[mask] > threshold):.1%} above"
        ax.hist(np.clip(e[mask], lo, hi), bins=edges, density=False,
                weights=np.full(int(mask.sum()), 1.0 / mask.sum()), alpha=0.55, color=colour,
                label=text)
    if threshold is not None:
        ax.axvline(threshold, color="black", linestyle="--", label=f"threshold {threshold:.3g}")
    ax.set_xscale("log")
    ax.set_xlim(lo, hi)
    ax.set_xlabel("anomaly score (log scale)")
    ax.set_ylabel("share of the group")
    if title is not None:
        ax.set_title(str(title))
    ax.legend(fontsize="small", loc=legend_loc)
    return ax


def plot_precision_recall(scores, y_true, *, ax=None, points=None,
                          title="Precision-recall curves"):
    """Precision-recall curves of one or more detectors, with their PR-AUC in the legend.

    The curve and the area (average precision) come from ``sklearn.metrics``. A dotted
    line marks the precision of flagging everything, the share of fraud.

    Parameters
    ----------
    scores : dict of str to array_like
        Detector name -> one score per row (higher = more suspicious).
    y_true : array_like, shape (n,)
        1 for fraud, 0 for normal.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new (5.5, 4.5) figure if omitted.
    points : dict of str to (float, float), optional
        Labelled operating points to mark, as (precision, recall).
    title : str, optional

    Returns
    -------
    matplotlib.axes.Axes

    Used in: lab 07 (sections "Precision and recall" and "An honest comparison").
    """
    if not isinstance(scores, dict) or not scores:
        raise TypeError("scores must be a non-empty dict mapping a detector name to its scores")
    y = None
    checked = {}
    for name, s in scores.items():
        s = _validate.vector(s, f"scores[{name!r}]")
        if y is None:
            y = _validate.labels01(y_true, s.size, "y_true")
        elif s.size != y.size:
            raise ValueError(f"scores[{name!r}] must have {y.size} values, got {s.size}")
        checked[str(name)] = s
    if y.sum() == 0:
        raise ValueError("y_true holds no positive (fraud) row: a precision-recall curve needs some")
    ax = new_axes(ax, (5.5, 4.5))
    for name, s in checked.items():
        precision, recall, _ = precision_recall_curve(y, s)
        ax.plot(recall, precision, label=f"{name} (PR-AUC {average_precision_score(y, s):.3f})")
    ax.axhline(y.mean(), color="0.5", linestyle=":", label=f"flag everything ({y.mean():.2%})")
    for label, point in (points or {}).items():
        try:
            p, r = (float(v) for v in point)
        except (TypeError, ValueError):
            raise TypeError(f"points[{label!r}] must be a pair (precision, recall)") from None
        ax.plot([r], [p], "o", markersize=7, label=str(label))
    ax.set_xlim(0, 1.01)
    ax.set_ylim(0, 1.02)
    ax.set_xlabel("recall (share of fraud caught)")
    ax.set_ylabel("precision (share of alerts that are fraud)")
    if title is not None:
        ax.set_title(str(title))
    ax.legend(fontsize="small", loc="upper right")
    return ax


def plot_feature_errors(errors, feature_names, *, ax=None, reference=None, xlim=None,
                        title="Reconstruction error per feature"):
    """Horizontal bars: how much each feature contributes to one row's reconstruction error.

    Parameters
    ----------
    errors : array_like, shape (d,)
        Squared error of each feature (for one row, or averaged over some rows).
    feature_names : sequence of str, length d
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new (6, 4.5) figure if omitted.
    reference : array_like, shape (d,), optional
        Typical values to compare with (e.g. the mean over normal rows), drawn as markers.
    xlim : (float, float), optional
        Fixed axis range; values beyond it are clipped at the edge (widgets pass one).
    title : str, optional

    Returns
    -------
    matplotlib.axes.Axes

    Used in: lab 07 (sections "What it catches, what it misses, and why it flagged a row" and
    "The demo app").
    """
    e = _validate.vector(errors, "errors")
    if np.any(e < 0):
        raise ValueError("errors must be >= 0 (squared errors)")
    names = [str(n) for n in feature_names]
    if len(names) != e.size:
        raise ValueError(f"feature_names must have {e.size} names, got {len(names)}")
    ref = None if reference is None else _validate.vector(reference, "reference", e.size)
    ax = new_axes(ax, (6, 4.5))
    pos = np.arange(e.size)[::-1]
    lo, hi = _validate.value_range(xlim, (0.0, 1.05 * max(float(e.max()), 1e-12,
                                                            float(ref.max()) if ref is not None else 0.0)),
                                   "xlim")
    ax.barh(pos, np.clip(e, lo, hi), color="tab:orange", label="this row" if ref is not None else None)
    if ref is not None:
        ax.plot(np.clip(ref, lo, hi), pos, "k|", markersize=12, label="typical normal row")
        ax.legend(fontsize="small", loc="lower right")
    ax.set_yticks(pos)
    ax.set_yticklabels(names, fontsize="small")
    ax.set_xlim(lo, hi)
    ax.set_xlabel("squared error")
    if title is not None:
        ax.set_title(str(title))
    return ax


def plot_image_rows(rows, *, image_shape=(8, 8), fig=None, cmap="gray_r", vmin=0.0, vmax=16.0,
                    suptitle=None):
    """Rows of small images, one row per label: originals above their reconstructions.

    Parameters
    ----------
    rows : dict of str to array_like, each of shape (k, h * w)
        Row label -> k flattened images; every row must hold the same k.
    image_shape : (int, int), default (8, 8)
        How to reshape each flattened image.
    fig : matplotlib.figure.Figure, optional
        Where to draw; a new figure sized to the grid if omitted.
    cmap, vmin, vmax
        Colour map and its fixed range (the digits' pixels run from 0 to 16).
    suptitle : str, optional

    Returns
    -------
    matplotlib.figure.Figure

    Used in: lab 07 (sections "Compress and reconstruct" and "Denoising autoencoders").
    """
    if not isinstance(rows, dict) or not rows:
        raise TypeError("rows must be a non-empty dict mapping a label to an array of images")
    h, w = (int(v) for v in image_shape)
    arrays = {}
    k = None
    for label, imgs in rows.items():
        arr = _validate.matrix(imgs, f"rows[{label!r}]", h * w)
        if k is None:
            k = arr.shape[0]
        elif arr.shape[0] != k:
            raise ValueError(f"every row must hold {k} images, rows[{label!r}] holds {arr.shape[0]}")
        arrays[str(label)] = arr
    if fig is None:
        fig = plt.figure(figsize=(1.0 * k + 1.6, 1.05 * len(arrays) + 0.4))
    axes = fig.subplots(len(arrays), k, squeeze=False)
    for i, (label, arr) in enumerate(arrays.items()):
        for j in range(k):
            ax = axes[i, j]
            ax.imshow(arr[j].reshape(h, w), cmap=cmap, vmin=vmin, vmax=vmax)
            ax.set_xticks([])
            ax.set_yticks([])
        axes[i, 0].set_ylabel(label, rotation=0, ha="right", va="center", fontsize="small")
    if suptitle is not None:
        fig.suptitle(str(suptitle))
    return fig
