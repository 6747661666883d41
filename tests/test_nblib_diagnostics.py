"""Unit tests for nblib.plots.diagnostics and nblib.widgets.regularisation (lab 04)."""


import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.figure import Figure

from nblib.plots.diagnostics import (plot_gradient_norms, plot_size_curves,
                                     plot_train_val_curves, plot_weight_values)
from nblib.widgets.regularisation import regularisation_explorer


def test_gradient_norms_one_line_per_run_on_log_axis():
    ax = plot_gradient_norms({"a": [1e-6, 1e-3, 1.0], "b": [1.0, 1.0, 1.0]})
    assert len(ax.lines) == 2
    assert ax.get_yscale() == "log"
    np.testing.assert_array_equal(ax.lines[0].get_xdata(), [1, 2, 3])
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["a", "b"]


@pytest.mark.parametrize("bad, error", [
    ({}, TypeError), ([1, 2], TypeError), ({"a": [1.0, 0.0]}, ValueError), ({"a": [[1.0]]}, ValueError),
])
def test_gradient_norms_bad_input(bad, error):
    with pytest.raises(error):
        plot_gradient_norms(bad)


def test_weight_values_counts_zeros_in_legend():
    fig, ax = plt.subplots()
    out = plot_weight_values({"L1": [0.0, 2.0, 0.0, -1.0], "L2": [0.1, 1.5, -0.2, -0.9]}, ax=ax)
    assert out is ax
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == ["L1 (2 of 4 zero)", "L2 (0 of 4 zero)"]
    assert len(ax.patches) == 8


@pytest.mark.parametrize("weights, kwargs", [
    ({"a": [1.0, 2.0], "b": [1.0]}, {}),
    ({"a": [1.0, np.nan]}, {}),
    ({"a": [1.0, 2.0]}, {"zero_tol": -1.0}),
])
def test_weight_values_bad_input(weights, kwargs):
    with pytest.raises(ValueError):
        plot_weight_values(weights, **kwargs)


def test_size_curves_marks_lowest_validation_error():
    ax = plot_size_curves([1, 2, 4, 8], [3.0, 2.0, 1.0, 0.5], [3.5, 2.0, 2.5, 4.0], logy=True)
    assert len(ax.lines) == 3  # training, validation, marker
    assert ax.lines[2].get_xdata()[0] == 2
    assert ax.get_yscale() == "log"


@pytest.mark.parametrize("args, error", [
    (([1, 2, 2], [1, 1, 1], [1, 1, 1]), ValueError),   # sizes not increasing
    (([1, 2], [1, 1, 1], [1, 1]), ValueError),         # lengths differ
    (([1, 2], [1, 0], [1, 1]), ValueError),            # log axis needs positives
    (("ab", [1, 1], [1, 1]), TypeError),
])
def test_size_curves_bad_input(args, error):
    with pytest.raises(error):
        plot_size_curves(*args, logy=True)


def test_train_val_curves_marks_and_fixed_limits():
    ax = plot_train_val_curves([1.0, 0.5, 0.2], [1.1, 0.8, 0.9], marks={"best": 1, "stop": 2}, ylim=(0, 2))
    assert len(ax.lines) == 4
    assert ax.get_ylim() == (0.0, 2.0)
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "best (epoch 1)" in labels and "stop (epoch 2)" in labels


@pytest.mark.parametrize("kwargs, error", [
    ({"marks": {"best": 3}}, ValueError),
    ({"marks": {"best": 1.0}}, ValueError),
    ({"marks": [1]}, TypeError),
    ({"ylim": (2, 1)}, ValueError),
])
def test_train_val_curves_bad_input(kwargs, error):
    with pytest.raises(error):
        plot_train_val_curves([1.0, 0.5, 0.2], [1.1, 0.8, 0.9], **kwargs)


def _runs():
    def proba(P):
        return 1 / (1 + np.exp(-np.asarray(P)[:, 0]))
    return {(lam, size): {"train_loss": [1.0, 0.5 + lam], "val_loss": [1.2, 0.9], "predict_proba": proba}
            for lam in (0.0, 1.0) for size in (2, 8)}


def test_regularisation_explorer_draws_a_figure_and_redraws():
    X = np.array([[0.0, 0.0], [1.0, 1.0], [-1.0, 0.5], [0.5, -1.0]])
    y = np.array([0, 1, 0, 1])
    box = regularisation_explorer(_runs(), X, y)
    assert isinstance(box.figure, Figure)
    first = box.figure
    limits = first.axes[1].get_ylim()
    box.children[0].value = 1.0
    assert box.figure is not first
    assert box.figure.axes[1].get_ylim() == limits  # fixed axis while the slider moves


def test_regularisation_explorer_bad_input():
    X = np.zeros((4, 2))
    y = np.array([0, 1, 0, 1])
    runs = _runs()
    del runs[(1.0, 8)]
    with pytest.raises(ValueError, match="missing"):
        regularisation_explorer(runs, X, y)
    with pytest.raises(TypeError):
        regularisation_explorer({}, X, y)
    with pytest.raises(TypeError):
        regularisation_explorer({(0.0, 2): {"train_loss": [1.0]}}, X, y)
    with pytest.raises(ValueError):
        regularisation_explorer({(-1.0, 2): _runs()[(0.0, 2)]}, X, y)
    with pytest.raises(ValueError):
        regularisation_explorer(_runs(), X, np.array([0, 1, 2, 1]))
