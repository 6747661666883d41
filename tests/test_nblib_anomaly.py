"""Unit tests for nblib.plots.anomaly and nblib.widgets.anomaly (lab 07)."""


import numpy as np
import pytest
from matplotlib.figure import Figure

from nblib.plots.anomaly import (plot_error_histograms, plot_feature_errors,
                                 plot_image_rows, plot_precision_recall)
from nblib.widgets.anomaly import threshold_dashboard, transaction_form

RNG = np.random.default_rng(0)
Y = (RNG.random(400) < 0.05).astype(int)
ERR = np.exp(RNG.normal(size=400)) + 3 * Y


def test_error_histograms_threshold_line_and_legend():
    ax = plot_error_histograms(ERR, Y, threshold=2.0)
    assert ax.get_xscale() == "log"
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels[0].startswith(f"normal ({int((Y == 0).sum())} rows)") and "above" in labels[0]
    assert labels[-1].startswith("threshold")
    assert any(line.get_xdata()[0] == 2.0 for line in ax.lines)


def test_error_histograms_fixed_xlim():
    ax = plot_error_histograms(ERR, Y, xlim=(0.01, 100.0))
    assert ax.get_xlim() == pytest.approx((0.01, 100.0))


@pytest.mark.parametrize("errors, y, kwargs", [
    (ERR, Y[:10], {}), (-ERR, Y, {}), (ERR, Y + 2, {}), (ERR, Y, {"bins": 1}),
    (ERR, Y, {"threshold": np.nan}), (ERR, Y, {"xlim": (-1, 2)}),
])
def test_error_histograms_bad_input(errors, y, kwargs):
    with pytest.raises(ValueError):
        plot_error_histograms(errors, y, **kwargs)


def test_precision_recall_one_curve_per_detector_with_pr_auc():
    ax = plot_precision_recall({"a": ERR, "b": -ERR}, Y, points={"op": (0.5, 0.4)})
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels[0].startswith("a (PR-AUC") and labels[1].startswith("b (PR-AUC")
    assert "op" in labels
    assert ax.get_xlim() == pytest.approx((0, 1.01))


@pytest.mark.parametrize("scores, y, error", [
    ({}, Y, TypeError), ({"a": ERR, "b": ERR[:5]}, Y, ValueError), ({"a": ERR}, np.zeros(400), ValueError),
    ([ERR], Y, TypeError),
])
def test_precision_recall_bad_input(scores, y, error):
    with pytest.raises(error):
        plot_precision_recall(scores, y)


def test_precision_recall_bad_point():
    with pytest.raises(TypeError, match="pair"):
        plot_precision_recall({"a": ERR}, Y, points={"p": 0.5})


def test_feature_errors_bars_and_reference():
    ax = plot_feature_errors([1.0, 4.0, 0.5], ["a", "b", "c"], reference=[0.1, 0.2, 0.3], xlim=(0, 3))
    assert len(ax.patches) == 3
    assert max(p.get_width() for p in ax.patches) == 3.0   # clipped at the fixed limit
    ticks = {t.get_text(): t.get_position()[1] for t in ax.get_yticklabels()}
    assert ticks["a"] > ticks["b"] > ticks["c"]   # the first feature on top


@pytest.mark.parametrize("errors, names, kwargs", [
    ([1.0, 2.0], ["a"], {}), ([-1.0, 2.0], ["a", "b"], {}), ([1.0, 2.0], ["a", "b"], {"reference": [1.0]}),
])
def test_feature_errors_bad_input(errors, names, kwargs):
    with pytest.raises(ValueError):
        plot_feature_errors(errors, names, **kwargs)


def test_image_rows_grid():
    fig = plot_image_rows({"orig": np.zeros((4, 64)), "rec": np.ones((4, 64))}, fig=Figure())
    assert len(fig.axes) == 8


def test_image_rows_bad_input():
    with pytest.raises(ValueError):
        plot_image_rows({"a": np.zeros((4, 64)), "b": np.zeros((3, 64))})
    with pytest.raises(ValueError):
        plot_image_rows({"a": np.zeros((4, 10))})
    with pytest.raises(TypeError):
        plot_image_rows([np.zeros((4, 64))])


def _pr(y, flagged):
    y, f = np.asarray(y, bool), np.asarray(flagged, bool)
    tp = np.sum(y & f)
    return (tp / f.sum() if f.sum() else 0.0), (tp / y.sum() if y.sum() else 0.0)


def test_threshold_dashboard_draws_and_reports():
    w = threshold_dashboard(ERR, Y, _pr, start=2.0)
    assert isinstance(w.figure, Figure)
    assert "precision" in w.children[1].value and "flagged" in w.children[1].value
    w.children[0].value = 5.0
    assert "threshold 5" in w.children[1].value


def test_threshold_dashboard_waits_for_the_exercise():
    def stub(y, f):
        raise NotImplementedError()
    w = threshold_dashboard(ERR, Y, stub)
    assert w.figure is None and "precision_recall" in w.children[1].value


@pytest.mark.parametrize("errors, y, fn, error", [
    (ERR, Y, "not a function", TypeError), (-ERR, Y, _pr, ValueError), (ERR, Y[:3], _pr, ValueError),
])
def test_threshold_dashboard_bad_input(errors, y, fn, error):
    with pytest.raises(error):
        threshold_dashboard(errors, y, fn)


def test_transaction_form_calls_score_with_the_controls():
    seen = {}

    def score(**kwargs):
        seen.update(kwargs)
        return 3.0, np.array([1.0, 2.0])

    w = transaction_form(score, 1.0, ["a", "b"], ["x", "y"], xlim=(0, 5))
    assert set(seen) == {"amount", "hours_since_last", "new_device", "distance_km", "category", "hour"}
    assert isinstance(w.figure, Figure) and "FLAGGED" in w.figure.axes[0].get_title()
    w.children[4].value = "y"
    assert seen["category"] == "y"


def test_transaction_form_waits_for_the_exercises():
    def reconstruction_errors(row):
        raise NotImplementedError

    def score(**kwargs):
        return reconstruction_errors(kwargs)
    w = transaction_form(score, 1.0, ["a"], ["x"])
    # The message names the unfinished exercise that the notebook's score calls.
    assert w.figure is None and "reconstruction_errors is not implemented yet" in w.children[-2].value


@pytest.mark.parametrize("args, error", [
    (("no", 1.0, ["a"], ["x"]), TypeError), ((lambda **k: (1, [1]), -1.0, ["a"], ["x"]), ValueError),
    ((lambda **k: (1, [1]), 1.0, [], ["x"]), ValueError),
])
def test_transaction_form_bad_input(args, error):
    with pytest.raises(error):
        transaction_form(*args)
