"""Unit tests for the nblib helpers added for lab 03 (mlp-backprop)."""

import matplotlib

matplotlib.use("Agg")

import ipywidgets as widgets  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from nblib.data import moons_train_test  # noqa: E402
from nblib.plots import (  # noqa: E402
    plot_activation_grid, plot_loss_comparison, plot_probability_map,
)
from nblib.widgets import PictureWidget, activation_explorer, mlp_lr_explorer  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _tanh_grad(z):
    return 1 - np.tanh(z) ** 2


def _points():
    X = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    return X, np.array([0, 1, 1, 0])


# ---------------------------------------------------------------- moons_train_test

def test_moons_shapes_labels_and_reproducible():
    X_tr, X_te, y_tr, y_te = moons_train_test(400, noise=0.15, test_size=0.25, random_state=0)
    assert X_tr.shape == (300, 2) and X_te.shape == (100, 2)
    assert y_tr.shape == (300,) and y_te.shape == (100,)
    assert set(np.unique(y_tr)) == {0, 1} and y_tr.dtype.kind == "i"
    assert np.allclose(X_tr.mean(axis=0), 0, atol=1e-12) and np.allclose(X_tr.std(axis=0), 1)
    again = moons_train_test(400, noise=0.15, test_size=0.25, random_state=0)
    assert np.array_equal(again[0], X_tr) and np.array_equal(again[3], y_te)
    # Stratified: both classes equally represented in the test part.
    assert np.sum(y_te == 0) == np.sum(y_te == 1) == 50


def test_moons_without_standardising_keeps_the_raw_coordinates():
    X_tr, _, _, _ = moons_train_test(100, noise=0.0, standardize=False)
    assert X_tr[:, 0].min() >= -1.0 - 1e-12 and X_tr[:, 0].max() <= 2.0 + 1e-12


@pytest.mark.parametrize("kwargs, error", [
    ({"n_samples": 4}, ValueError),
    ({"n_samples": 100.0}, TypeError),
    ({"n_samples": 100, "noise": -0.1}, ValueError),
    ({"n_samples": 100, "test_size": 1.5}, ValueError),
    ({"n_samples": 100, "test_size": 30}, ValueError),
    ({"n_samples": 100, "random_state": "0"}, TypeError),
])
def test_moons_rejects_bad_arguments(kwargs, error):
    n = kwargs.pop("n_samples")
    with pytest.raises(error):
        moons_train_test(n, **kwargs)


# ---------------------------------------------------------------- plot_activation_grid

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


# ---------------------------------------------------------------- plot_probability_map

def test_probability_map_draws_boundary_and_points():
    X, y = _points()
    ax = plot_probability_map(lambda G: 1 / (1 + np.exp(-(G[:, 0] - 0.5) * 5)), X, y,
                              title="map", resolution=20)
    assert ax.get_title() == "map"
    assert len(ax.collections) >= 2  # filled contours and the two scatter sets


def test_probability_map_accepts_column_output_and_constant_maps():
    X, y = _points()
    plot_probability_map(lambda G: np.full((len(G), 1), 0.3), X, y, resolution=5)


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


# ---------------------------------------------------------------- plot_loss_comparison

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


# ---------------------------------------------------------------- widgets

def test_activation_explorer_builds_and_redraws():
    w = activation_explorer({"tanh": np.tanh, "relu": lambda z: np.maximum(0, z)},
                            {"tanh": _tanh_grad, "relu": lambda z: (np.asarray(z) > 0) * 1.0})
    assert isinstance(w, PictureWidget)
    name, z = w.children[:2]
    name.value = "relu"
    z.value = -2.0
    assert "relu" in w.figure.axes[0].get_title()
    assert w.children[-1].value[:4] == b"\x89PNG"


def test_activation_explorer_reports_unimplemented_functions():
    def stub(z):
        raise NotImplementedError()

    w = activation_explorer({"mine": stub}, {"mine": stub})
    assert "not implemented" in w.children[-2].value
    assert w.figure is None


@pytest.mark.parametrize("functions, derivatives, kwargs, error", [
    ({"tanh": np.tanh}, {"relu": _tanh_grad}, {}, ValueError),
    ({"tanh": np.tanh}, {"tanh": _tanh_grad}, {"z_range": (1.0, -1.0)}, ValueError),
    ({"tanh": np.tanh}, {"tanh": _tanh_grad}, {"z": 10.0}, ValueError),
    ({"tanh": np.tanh}, {"tanh": _tanh_grad}, {"step": 0.0}, ValueError),
    ({"tanh": np.tanh}, {"tanh": "derivative"}, {}, TypeError),
])
def test_activation_explorer_rejects_bad_input(functions, derivatives, kwargs, error):
    with pytest.raises(error):
        activation_explorer(functions, derivatives, **kwargs)


def test_mlp_lr_explorer_builds_and_redraws():
    X, y = _points()
    runs = {0.1: ([0.7, 0.6, 0.5], lambda G: np.full(len(G), 0.4)),
            1.0: ([0.7, 0.3, 0.1], lambda G: 1 / (1 + np.exp(-G[:, 0] + 0.5)))}
    w = mlp_lr_explorer(runs, X, y)
    assert isinstance(w, PictureWidget)
    slider = w.children[0]
    assert list(slider.options) == ["lr = 0.1", "lr = 1"]
    slider.value = "lr = 0.1"
    assert "lr = 0.1" in " ".join(ax.get_title() for ax in w.figure.axes)


@pytest.mark.parametrize("runs, error", [
    ({}, TypeError),
    ({-1.0: ([0.5], lambda G: np.zeros(len(G)))}, ValueError),
    ({0.1: ([0.5], "predict")}, TypeError),
    ({0.1: ([0.5, 0.0], lambda G: np.zeros(len(G)))}, ValueError),  # 0 on a log axis
])
def test_mlp_lr_explorer_rejects_bad_runs(runs, error):
    X, y = _points()
    with pytest.raises(error):
        mlp_lr_explorer(runs, X, y)


def test_mlp_lr_explorer_rejects_bad_points():
    runs = {0.1: ([0.5], lambda G: np.zeros(len(G)))}
    with pytest.raises(ValueError):
        mlp_lr_explorer(runs, np.zeros((4, 3)), np.zeros(4))
