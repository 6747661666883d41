"""Unit tests for nblib.plots: curves and 2-D classifier pictures."""

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.collections import LineCollection

from nblib.plots import (plot_activation_grid, plot_boundary_line, plot_decision_regions,
                         plot_error_curves, plot_line_fit, plot_loss_comparison, plot_probability_map)


X_GATE = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)


Y_AND = np.array([0, 0, 0, 1])


Y_XOR = np.array([0, 1, 1, 0])


def _unit(w, b):
    """A reference step unit for the tests (the notebook passes the learner's own)."""
    return lambda G: (np.asarray(G) @ np.asarray(w) + b >= 0).astype(int)


def _axes(xlim=(-1, 2), ylim=(-1, 2)):
    _, ax = plt.subplots()
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)
    return ax


def _tanh_grad(z):
    return 1 - np.tanh(z) ** 2


def _points():
    X = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    return X, np.array([0, 1, 1, 0])



def test_line_fit_draws_points_lines_and_residuals():
    x = np.array([3.0, 1.0, 2.0])
    y = np.array([3.5, 1.0, 2.5])
    ax = plot_line_fit(x, y, {"model": x, "other": 2 * x}, residuals="model", xlabel="bmi",
                       ylabel="progression", title="fit")
    assert ax.get_title() == "fit" and ax.get_xlabel() == "bmi" and ax.get_ylabel() == "progression"
    assert [line.get_label() for line in ax.get_lines()] == ["model", "other"]
    # Lines are drawn through the points sorted by x.
    assert np.array_equal(ax.get_lines()[0].get_xdata(), [1.0, 2.0, 3.0])
    assert np.array_equal(ax.get_lines()[1].get_ydata(), [2.0, 4.0, 6.0])
    segments = [c for c in ax.collections if isinstance(c, LineCollection)]
    assert len(segments) == 1 and len(segments[0].get_segments()) == 3
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "residuals" in labels and "data" in labels



def test_line_fit_without_predictions_and_on_given_axes():
    _, ax = plt.subplots()
    assert plot_line_fit([0, 1], [1, 2], ax=ax) is ax
    assert ax.get_lines() == []


@pytest.mark.parametrize("kwargs, error", [
    ({"x": [1.0, 2.0, 3.0], "y": [1.0, 2.0]}, ValueError),
    ({"x": [[1.0, 2.0]], "y": [1.0]}, ValueError),
    ({"x": ["a", "b"], "y": [1.0, 2.0]}, TypeError),
    ({"y": [1.0, np.inf]}, ValueError),
    ({"predictions": [[1.0, 2.0]]}, TypeError),
    ({"predictions": {"m": [1.0, 2.0, 3.0]}}, ValueError),
    ({"predictions": {"m": [1.0, np.nan]}}, ValueError),
    ({"predictions": {"m": [1.0, 2.0]}, "residuals": "other"}, ValueError),
])
def test_line_fit_rejects_bad_input(kwargs, error):
    args = {"x": [0.0, 1.0], "y": [1.0, 2.0], **kwargs}
    with pytest.raises(error):
        plot_line_fit(**args)



def test_decision_regions_draws_regions_points_and_mistakes():
    ax = plot_decision_regions(_unit([1.0, 1.0], -0.5), X_GATE, Y_AND, title="OR vs AND")
    assert ax.get_title() == "OR vs AND"
    assert ax.get_xlim() == (-0.5, 1.5) and ax.get_ylim() == (-0.5, 1.5)
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    # OR's line gets (0, 1) and (1, 0) wrong for AND's labels.
    assert labels == ["label 0", "label 1", "misclassified"]
    rings = ax.collections[-1]
    assert sorted(map(tuple, rings.get_offsets())) == [(0.0, 1.0), (1.0, 0.0)]



def test_decision_regions_no_mistake_legend_when_all_right_and_uses_given_axes():
    fig, ax = plt.subplots()
    out = plot_decision_regions(_unit([1.0, 1.0], -1.5), X_GATE, Y_AND, ax=ax, xlim=(-1, 2),
                                ylim=(-2, 3), resolution=20)
    assert out is ax
    assert ax.get_xlim() == (-1, 2) and ax.get_ylim() == (-2, 3)
    assert "misclassified" not in [t.get_text() for t in ax.get_legend().get_texts()]



def test_decision_regions_constant_classifier_draws_without_warning(recwarn):
    plot_decision_regions(lambda G: np.zeros(len(G), dtype=int), X_GATE, Y_XOR)
    plot_decision_regions(lambda G: np.ones((len(G), 1), dtype=bool), X_GATE, Y_XOR, mark_mistakes=False)
    assert not [w for w in recwarn if issubclass(w.category, UserWarning)]



def test_decision_regions_calls_predict_with_points_of_shape_m_by_2():
    seen = []

    def predict(G):
        seen.append(np.asarray(G).shape)
        return np.zeros(len(G), dtype=int)

    plot_decision_regions(predict, X_GATE, Y_AND, resolution=7)
    assert (49, 2) in seen and (4, 2) in seen


@pytest.mark.parametrize("kwargs, error, match", [
    ({"predict": "not a function"}, TypeError, "predict must be a callable"),
    ({"X": np.zeros((4, 3))}, ValueError, r"X must have shape \(n, 2\)"),
    ({"X": [[0, 0], [1, np.nan], [1, 0], [1, 1]]}, ValueError, "NaN or inf"),
    ({"X": [["a", "b"]] * 4}, TypeError, "numeric"),
    ({"y": [0, 1, 1]}, ValueError, r"y must have shape \(4,\)"),
    ({"y": [0, 2, 1, 0]}, ValueError, "only the labels 0 and 1"),
    ({"resolution": 1}, ValueError, "resolution"),
    ({"resolution": 2.5}, ValueError, "resolution"),
    ({"xlim": (1, 0)}, ValueError, "xlim"),
    ({"ylim": "ab"}, TypeError, "ylim"),
    ({"predict": lambda G: np.zeros(3)}, ValueError, "predict must return"),
    ({"predict": lambda G: np.full(len(G), 0.7)}, ValueError, "labels 0 or 1"),
])
def test_decision_regions_rejects_bad_input(kwargs, error, match):
    args = {"predict": _unit([1.0, 1.0], -1.5), "X": X_GATE, "y": Y_AND}
    args.update(kwargs)
    predict, X, y = args.pop("predict"), args.pop("X"), args.pop("y")
    with pytest.raises(error, match=match):
        plot_decision_regions(predict, X, y, **args)



def test_decision_regions_lets_not_implemented_through():
    def stub(G):
        raise NotImplementedError()

    with pytest.raises(NotImplementedError):
        plot_decision_regions(stub, X_GATE, Y_AND)



def test_boundary_line_points_satisfy_the_equation_and_limits_stay():
    ax = _axes()
    line = plot_boundary_line([2.0, 1.0], -3.0, ax, color="r")
    xs, ys = line.get_data()
    assert np.allclose(2.0 * np.asarray(xs) + 1.0 * np.asarray(ys) - 3.0, 0.0)
    assert line.get_color() == "r"
    assert ax.get_xlim() == (-1, 2) and ax.get_ylim() == (-1, 2)



def test_boundary_line_vertical_and_missing():
    ax = _axes()
    xs, _ = plot_boundary_line([-2.0, 0.0], 1.0, ax).get_data()
    assert np.allclose(xs, 0.5)
    assert plot_boundary_line([0.0, 0.0], 1.0, ax) is None



def test_boundary_line_normal_arrow_points_to_the_positive_side():
    ax = _axes()
    plot_boundary_line([1.0, 1.0], -1.0, ax, show_normal=True)
    arrow = ax.texts[-1]
    start, tip = np.asarray(arrow.xyann), np.asarray(arrow.xy)
    assert np.isclose(start @ [1.0, 1.0] - 1.0, 0.0)      # starts on the line
    assert tip @ [1.0, 1.0] - 1.0 > 0                      # ends where the unit fires


@pytest.mark.parametrize("w, b, ax, error", [
    ([1.0, 2.0, 3.0], 0.0, "axes", ValueError),
    ([1.0, np.inf], 0.0, "axes", ValueError),
    (["a", "b"], 0.0, "axes", TypeError),
    ([1.0, 1.0], None, "axes", TypeError),
    ([1.0, 1.0], 0.0, None, TypeError),
])
def test_boundary_line_rejects_bad_input(w, b, ax, error):
    target = _axes() if ax == "axes" else ax
    with pytest.raises(error):
        plot_boundary_line(w, b, target)



def test_error_curves_one_line_per_run_with_epochs_from_one():
    ax = plot_error_curves({"AND": [2, 3, 0], "XOR": np.array([3, 4, 4])})
    lines = ax.get_lines()
    assert [ln.get_label() for ln in lines] == ["AND", "XOR"]
    assert list(lines[0].get_xdata()) == [1, 2, 3]
    assert list(lines[1].get_ydata()) == [3, 4, 4]
    assert ax.get_xlabel() == "epoch"


@pytest.mark.parametrize("curves, error", [
    ([], TypeError),
    ({}, TypeError),
    ({"a": []}, ValueError),
    ({"a": [[1, 2]]}, ValueError),
    ({"a": [1, -1]}, ValueError),
    ({"a": [1, np.nan]}, ValueError),
    ({"a": ["x"]}, TypeError),
])
def test_error_curves_rejects_bad_input(curves, error):
    with pytest.raises(error):
        plot_error_curves(curves)



def test_activation_grid_draws_functions_and_derivatives():
    fig = plot_activation_grid({"tanh": np.tanh, "identity": lambda z: z},
                               {"tanh": _tanh_grad}, ncols=2)
    axes = [ax for ax in fig.axes if ax.get_visible()]
    assert len(axes) == 2
    assert len(axes[0].get_lines()) == 4  # two reference axes, the function, its derivative
    assert len(axes[1].get_lines()) == 3  # no derivative given for "identity"
    assert axes[0].get_title() == "tanh"



def test_activation_grid_hides_unused_panels():
    fig = plot_activation_grid({"a": np.tanh, "b": np.tanh, "c": np.tanh}, ncols=2)
    assert sum(ax.get_visible() for ax in fig.axes) == 3


@pytest.mark.parametrize("functions, derivatives, kwargs, error", [
    ({}, None, {}, TypeError),
    ({"tanh": "np.tanh"}, None, {}, TypeError),
    ({"tanh": np.tanh}, {"relu": np.tanh}, {}, ValueError),
    ({"tanh": np.tanh}, None, {"z": np.zeros((2, 2))}, ValueError),
    ({"tanh": np.tanh}, None, {"ncols": 0}, ValueError),
    ({"sum": np.sum}, None, {}, ValueError),  # returns one number, not one per input
])
def test_activation_grid_rejects_bad_input(functions, derivatives, kwargs, error):
    with pytest.raises(error):
        plot_activation_grid(functions, derivatives, **kwargs)



def test_probability_map_draws_boundary_and_points():
    X, y = _points()
    ax = plot_probability_map(lambda G: 1 / (1 + np.exp(-(G[:, 0] - 0.5) * 5)), X, y,
                              title="map", resolution=20)
    assert ax.get_title() == "map"
    assert len(ax.collections) >= 2  # filled contours and the two scatter sets



def test_probability_map_accepts_column_output_and_constant_maps():
    X, y = _points()
    ax = plot_probability_map(lambda G: np.full((len(G), 1), 0.3), X, y, resolution=5)
    # A constant map crosses no 0.5 level: filled contours and the two classes, no boundary.
    assert len(ax.collections) == 3
    assert ax.get_legend_handles_labels()[1] == ["class 0", "class 1"]


@pytest.mark.parametrize("predict, X, y, error", [
    ("not callable", _points()[0], _points()[1], TypeError),
    (lambda G: np.zeros(len(G)), np.zeros((4, 3)), _points()[1], ValueError),
    (lambda G: np.zeros(len(G)), _points()[0], np.array([0, 1, 2, 0]), ValueError),
    (lambda G: np.zeros(len(G)), _points()[0], np.array([0, 1]), ValueError),
    (lambda G: np.zeros(3), _points()[0], _points()[1], ValueError),
    (lambda G: np.full(len(G), 1.5), _points()[0], _points()[1], ValueError),
])
def test_probability_map_rejects_bad_input(predict, X, y, error):
    with pytest.raises(error):
        plot_probability_map(predict, X, y, resolution=5)



def test_loss_comparison_draws_one_line_per_run_and_highlights():
    ax = plot_loss_comparison({"a": [1.0, 0.5, 0.2], "b": [1.0, np.inf, 0.1]}, logy=True,
                              highlight="a", title="t")
    lines = ax.get_lines()
    assert [ln.get_label() for ln in lines] == ["a", "b"]
    assert lines[0].get_linewidth() > lines[1].get_linewidth()
    assert np.isnan(lines[1].get_ydata()[1])  # a diverged step becomes a gap
    assert ax.get_yscale() == "log"


@pytest.mark.parametrize("curves, kwargs, error", [
    ([1.0, 0.5], {}, TypeError),
    ({}, {}, TypeError),
    ({"a": []}, {}, ValueError),
    ({"a": [1.0, np.nan]}, {}, ValueError),
    ({"a": [1.0, 0.0]}, {"logy": True}, ValueError),
    ({"a": ["x", "y"]}, {}, TypeError),
    ({"a": [1.0]}, {"highlight": "b"}, ValueError),
])
def test_loss_comparison_rejects_bad_input(curves, kwargs, error):
    with pytest.raises(error):
        plot_loss_comparison(curves, **kwargs)
