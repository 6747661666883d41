"""Unit tests for lab 06's helpers: nblib.data.series, nblib.plots.sequences, nblib.widgets.sequences."""


import numpy as np
import pytest
from matplotlib.figure import Figure

from nblib.data.series import adding_problem, future_context_task, load_sunspots
from nblib.plots.sequences import (draw_unrolled_rnn, plot_forecasts, plot_gate_trace,
                                   plot_gradient_norms_over_time, plot_hidden_states,
                                   plot_runs_over_seeds, plot_windows)
from nblib.widgets.sequences import lstm_gate_explorer, lstm_gate_trace


def _sig(z):
    return 1.0 / (1.0 + np.exp(-z))


def _lstm_step(x, h, c, k, rk, b):
    u = k.shape[1] // 4
    z = x @ k + h @ rk + b
    i, f, g, o = _sig(z[:, :u]), _sig(z[:, u:2 * u]), np.tanh(z[:, 2 * u:3 * u]), _sig(z[:, 3 * u:])
    c = f * c + i * g
    return o * np.tanh(c), c


# ------------------------------------------------------------------ data
def test_adding_problem_shapes_markers_and_targets():
    X, y = adding_problem(50, 10, seed=3)
    assert X.shape == (50, 10, 2) and y.shape == (50,) and X.dtype == np.float32
    assert np.all(X[..., 1].sum(axis=1) == 2)
    assert np.all(X[:, :5, 1].sum(axis=1) == 1)          # one marker in each half
    assert np.allclose(y, (X[..., 0] * X[..., 1]).sum(axis=1))
    X2, y2 = adding_problem(50, 10, seed=3)
    assert np.array_equal(X, X2) and np.array_equal(y, y2)


def test_future_context_task_targets():
    X, Y = future_context_task(5, 6, seed=1)
    x = X[..., 0]
    assert X.shape == Y.shape == (5, 6, 1)
    assert np.allclose(Y[:, 2, 0], x[:, 1] + x[:, 3])
    assert np.allclose(Y[:, 0, 0], x[:, 1]) and np.allclose(Y[:, -1, 0], x[:, -2])


@pytest.mark.parametrize("args, error", [((0, 5), ValueError), ((5, 1), ValueError),
                                         ((2.0, 5), TypeError), ((5, 5, -1), ValueError)])
def test_generators_reject_bad_arguments(args, error):
    with pytest.raises(error):
        adding_problem(*args)


def test_load_sunspots():
    years, values = load_sunspots()
    assert values.size == 3126 and years.size == 3126
    assert years[0] == 1749.0 and values[0] == 58.0
    assert np.all(np.diff(years) > 0) and np.all(values >= 0)


def test_load_sunspots_bad_path(tmp_path):
    with pytest.raises(FileNotFoundError, match="data/"):
        load_sunspots(tmp_path / "missing.dat")
    empty = tmp_path / "empty.dat"
    empty.write_text("no numbers here\n")
    with pytest.raises(ValueError, match="no yearly lines"):
        load_sunspots(empty)


# ------------------------------------------------------------------ plots
def test_draw_unrolled_rnn_labels():
    ax = draw_unrolled_rnn(3)
    texts = [t.get_text() for t in ax.texts]
    assert "$x_{1}$" in texts and "$h_{t}$" in texts and "$h_0$" in texts
    with pytest.raises(ValueError):
        draw_unrolled_rnn(0)
    with pytest.raises(TypeError):
        draw_unrolled_rnn(2.5)


def test_plot_windows_places_target_after_horizon():
    X = np.arange(12.0).reshape(3, 4, 1)
    ax = plot_windows(X, np.array([10.0, 11.0, 12.0]), 2, rows=(0, 1))
    stars = [ln for ln in ax.lines if ln.get_marker() == "*"]
    assert len(stars) == 2 and stars[0].get_xdata()[0] == 6
    with pytest.raises(ValueError):
        plot_windows(X, np.zeros(2))
    with pytest.raises(ValueError):
        plot_windows(X, np.zeros(3), rows=(5,))


def test_plot_hidden_states_and_gradients():
    ax = plot_hidden_states(np.zeros((5, 2)), labels=list("abcde"))
    assert len(ax.lines) >= 2
    with pytest.raises(ValueError):
        plot_hidden_states(np.zeros((5, 2)), labels=["a"])
    ax = plot_gradient_norms_over_time({"a": [1.0, 0.1, 0.01]})
    assert ax.get_yscale() == "log"
    with pytest.raises(ValueError):
        plot_gradient_norms_over_time({"a": [1.0, -0.1]})


def test_gradient_norms_of_several_seeds_share_a_colour():
    ax = plot_gradient_norms_over_time({"a": [[1.0, 0.1], [2.0, 0.2], [3.0, 0.3]], "b": [1.0, 1.0]},
                                       legend_loc="upper right")
    assert len(ax.lines) == 4
    assert len({line.get_color() for line in ax.lines[:3]}) == 1
    assert ax.lines[3].get_color() != ax.lines[0].get_color()
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["a", "b"]
    assert list(ax.lines[0].get_xdata()) == [1, 2]
    with pytest.raises(ValueError):
        plot_gradient_norms_over_time({"a": [[1.0, 0.1], [2.0, 0.0]]})
    with pytest.raises(ValueError):
        plot_gradient_norms_over_time({"a": np.ones((2, 2, 2))})
    with pytest.raises(TypeError):
        plot_gradient_norms_over_time({"a": [[1.0, 0.1], [2.0]]})


def test_plot_runs_over_seeds():
    curves = {"m1": np.array([[0.2, 0.1, 0.05], [0.2, 0.15, 0.1]]), "m2": [0.3, 0.2, 0.2]}
    ax = plot_runs_over_seeds(curves, logy=True, reference=(1 / 6, "predict the mean"), title="t")
    assert ax.get_yscale() == "log" and ax.get_title() == "t"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["m1", "m2"]
    solid = [line for line in ax.lines if line.get_linestyle() == "-"]
    assert len(solid) == 3 and solid[0].get_color() == solid[1].get_color() != solid[2].get_color()
    assert list(solid[0].get_xdata()) == [1, 2, 3]
    dashed = [line for line in ax.lines if line.get_linestyle() == "--"]
    assert len(dashed) == 1 and np.allclose(dashed[0].get_ydata(), 1 / 6)
    assert any(t.get_text() == "predict the mean" for t in ax.texts)
    assert curves["m1"][0, 0] == 0.2                                   # input untouched
    with pytest.raises(ValueError):
        plot_runs_over_seeds({"m": [[0.1, 0.0]]}, logy=True)
    with pytest.raises(ValueError):
        plot_runs_over_seeds({"m": [0.1, float("nan")]})
    with pytest.raises(TypeError):
        plot_runs_over_seeds({})
    with pytest.raises(TypeError):
        plot_runs_over_seeds({"m": [0.1, 0.2]}, reference=0.5)
    with pytest.raises(ValueError):
        plot_runs_over_seeds({"m": [0.1, 0.2]}, logy=True, reference=(0.0, "zero"))


def test_plot_forecasts_checks_lengths():
    ax = plot_forecasts(np.arange(4.0), np.ones(4), {"m": np.zeros(4)})
    assert len(ax.lines) == 2
    with pytest.raises(ValueError):
        plot_forecasts(np.arange(4.0), np.ones(4), {"m": np.zeros(3)})
    with pytest.raises(TypeError):
        plot_forecasts(np.arange(4.0), np.ones(4), {})


# ------------------------------------------------------------------ gate trace and explorer
def test_lstm_gate_trace_reads_the_gates():
    rng = np.random.default_rng(0)
    d, u, T = 3, 2, 5
    X = rng.normal(size=(T, d))
    k, rk, b = rng.normal(size=(d, 4 * u)), rng.normal(size=(u, 4 * u)), rng.normal(size=4 * u)
    trace = lstm_gate_trace(_lstm_step, X, k, rk, b)
    h, c = np.zeros((1, u)), np.zeros((1, u))
    for t in range(T):
        z = X[t:t + 1] @ k + h @ rk + b
        assert np.allclose(trace["input"][t], _sig(z[0, :u]))
        assert np.allclose(trace["forget"][t], _sig(z[0, u:2 * u]))
        assert np.allclose(trace["candidate"][t], np.tanh(z[0, 2 * u:3 * u]))
        assert np.allclose(trace["output"][t], _sig(z[0, 3 * u:]))
        h, c = _lstm_step(X[t:t + 1], h, c, k, rk, b)
        assert np.allclose(trace["cell"][t], c[0]) and np.allclose(trace["hidden"][t], h[0])


def test_lstm_gate_trace_bad_input():
    with pytest.raises(ValueError, match="4u"):
        lstm_gate_trace(_lstm_step, np.zeros((3, 2)), np.zeros((2, 6)), np.zeros((1, 6)), np.zeros(6))
    with pytest.raises(TypeError):
        lstm_gate_trace("not a function", np.zeros((3, 2)), np.zeros((2, 4)), np.zeros((1, 4)), np.zeros(4))


def test_gate_plot_and_explorer():
    trace = {k: np.full((4, 2), 0.5) for k in ("input", "forget", "output", "cell", "candidate", "hidden")}
    ax = plot_gate_trace(trace, list("abcd"), unit=1, upto=2)
    assert ax.get_ylim() == pytest.approx((-1.6, 1.2))
    # An unbounded cell state widens the range for every step and unit, so nothing is cut off.
    trace["cell"][3, 0] = 2.5
    for unit, upto in ((1, 1), (0, 4)):
        ax = plot_gate_trace(trace, list("abcd"), unit=unit, upto=upto)
        assert ax.get_ylim() == pytest.approx((-1.0 - 0.3 * 3.5, 2.5 + 0.35))
    trace["cell"][3, 0] = 0.5
    with pytest.raises(ValueError):
        plot_gate_trace(trace, list("abc"))
    with pytest.raises(ValueError):
        plot_gate_trace({"input": np.zeros((4, 2))}, list("abcd"))
    box = lstm_gate_explorer(trace, list("abcd"), unit_names=["s", "c"])
    assert isinstance(box.figure, Figure)
    slider = box.children[0]
    slider.value = 4
    assert isinstance(box.figure, Figure)
    with pytest.raises(ValueError):
        lstm_gate_explorer(trace, list("abcd"), unit_names=["only one"])
