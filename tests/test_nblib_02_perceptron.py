"""Unit tests for the nblib helpers added for lab 02 (perceptron): plots and widgets."""

import matplotlib

matplotlib.use("Agg")

import ipywidgets  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from nblib.plots import plot_boundary_line, plot_decision_regions, plot_error_curves  # noqa: E402
from nblib.widgets import PictureWidget, perceptron_playground  # noqa: E402

X_GATE = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
Y_AND = np.array([0, 0, 0, 1])
Y_XOR = np.array([0, 1, 1, 0])


def _unit(w, b):
    """A reference step unit for the tests (the notebook passes the learner's own)."""
    return lambda G: (np.asarray(G) @ np.asarray(w) + b >= 0).astype(int)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


# ---------------------------------------------------------------- plot_decision_regions

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


# ---------------------------------------------------------------- plot_boundary_line

def _axes(xlim=(-1, 2), ylim=(-1, 2)):
    _, ax = plt.subplots()
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)
    return ax


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


# ---------------------------------------------------------------- plot_error_curves

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


# ---------------------------------------------------------------- perceptron_playground

def _perceptron_output(X, w, b):
    return (np.asarray(X) @ np.asarray(w) + b >= 0).astype(int)


def test_playground_builds_sliders_and_dropdown():
    widget = perceptron_playground(_perceptron_output, X_GATE, {"AND": Y_AND, "XOR": Y_XOR})
    assert isinstance(widget, PictureWidget)
    controls = {c.description: c for c in widget.children if hasattr(c, "description")}
    assert set(controls) >= {"target", "w1", "w2", "b"}
    assert list(controls["target"].options) == ["AND", "XOR"]
    assert controls["w1"].continuous_update is False


def _run(widget, **values):
    """Set the controls (each change redraws); return the message line's text."""
    controls = {c.description: c for c in widget.children if getattr(c, "description", "")}
    for name, value in values.items():
        controls[name].value = value
    return widget.children[-2].value


def _title(widget):
    return " ".join(ax.get_title() for ax in widget.figure.axes)


def test_playground_redraws_and_reports_correct_points():
    widget = perceptron_playground(_perceptron_output, X_GATE, {"AND": Y_AND, "XOR": Y_XOR})
    _run(widget, target="AND", w1=1.0, w2=1.0, b=-1.5)
    assert "AND: all correct!" in _title(widget)
    assert widget.children[-1].value[:4] == b"\x89PNG"
    _run(widget, target="XOR", w1=1.0, w2=1.0, b=-0.5)
    assert "XOR: 3 of 4 correct" in _title(widget)


def test_playground_explains_an_unimplemented_function():
    def stub(X, w, b):
        raise NotImplementedError()

    widget = perceptron_playground(stub, X_GATE, {"AND": Y_AND})
    assert "not implemented yet" in _run(widget)
    assert widget.figure is None


@pytest.mark.parametrize("kwargs, error", [
    ({"perceptron_output": None}, TypeError),
    ({"X": np.zeros((4, 3))}, ValueError),
    ({"targets": {}}, TypeError),
    ({"targets": [Y_AND]}, TypeError),
    ({"targets": {"AND": [0, 1]}}, ValueError),
    ({"targets": {"AND": [0, 1, 2, 0]}}, ValueError),
    ({"w": (1.0,)}, TypeError),
    ({"b": 5.0}, ValueError),
    ({"value_range": (2.0, -2.0)}, ValueError),
    ({"step": 0.0}, ValueError),
])
def test_playground_rejects_bad_input(kwargs, error):
    args = {"perceptron_output": _perceptron_output, "X": X_GATE, "targets": {"AND": Y_AND}}
    args.update(kwargs)
    fn, X, targets = args.pop("perceptron_output"), args.pop("X"), args.pop("targets")
    with pytest.raises(error):
        perceptron_playground(fn, X, targets, **args)
