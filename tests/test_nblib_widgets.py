"""Unit tests for nblib.widgets: the picture mechanism and every explorer."""

import html

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np
import pytest

from nblib.widgets import (PictureWidget, activation_explorer, line_explorer, mlp_lr_explorer,
                           perceptron_playground)


X1 = np.linspace(-2.0, 2.0, 21)


Y1 = 3.0 * X1 + 10.0 + np.sin(7 * X1)


PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _predict(X, w, b):
    return X @ w + b


def _mse(y_true, y_pred):
    return float(np.mean((y_true - y_pred) ** 2))


def _parts(widget):
    """The explorer's sliders (by description), message and image widgets."""
    sliders = {c.description: c for c in widget.children if isinstance(c, widgets.FloatSlider)}
    (message,) = [c for c in widget.children if isinstance(c, widgets.HTML)]
    (image,) = [c for c in widget.children if isinstance(c, widgets.Image)]
    return sliders, message, image


def _legend(widget):
    return [t.get_text() for t in widget.figure.axes[0].get_legend().get_texts()]


X_GATE = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)


Y_AND = np.array([0, 0, 0, 1])


Y_XOR = np.array([0, 1, 1, 0])


def _perceptron_output(X, w, b):
    return (np.asarray(X) @ np.asarray(w) + b >= 0).astype(int)


def _run(widget, **values):
    """Set the controls (each change redraws); return the message line's text."""
    controls = {c.description: c for c in widget.children if getattr(c, "description", "")}
    for name, value in values.items():
        controls[name].value = value
    return widget.children[-2].value


def _title(widget):
    return " ".join(ax.get_title() for ax in widget.figure.axes)


def _tanh_grad(z):
    return 1 - np.tanh(z) ** 2


def _points():
    X = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    return X, np.array([0, 1, 1, 0])



def test_line_explorer_builds_two_sliders_with_data_based_ranges_and_a_first_picture():
    widget = line_explorer(X1, Y1, _predict, _mse)
    assert isinstance(widget, widgets.VBox)
    sliders, message, image = _parts(widget)
    assert set(sliders) == {"slope", "intercept"}
    span = 2 * np.ptp(Y1) / np.ptp(X1)
    assert np.isclose(sliders["slope"].max, span) and np.isclose(sliders["slope"].min, -span)
    assert np.isclose(sliders["intercept"].min, Y1.min()) and np.isclose(sliders["intercept"].max, Y1.max())
    assert sliders["slope"].value == 0.0 and sliders["slope"].continuous_update is False
    assert message.value == ""
    assert bytes(image.value).startswith(PNG_SIGNATURE)
    # Drawn without pyplot, so a notebook shows it once, inside the widget.
    assert plt.get_fignums() == []
    assert "PNG" not in repr(widget) and len(repr(widget)) < 200



def test_line_explorer_redraws_the_line_of_the_given_functions_when_a_slider_moves():
    calls = []

    def predict(X, w, b):
        calls.append((X.shape, np.shape(w)))
        return _predict(X, w, b)

    widget = line_explorer(X1, Y1, predict, _mse, reference=(np.array([3.0]), 10.0),
                           reference_label="least squares", slope_range=(-5, 5),
                           intercept_range=(0, 20))
    sliders, message, image = _parts(widget)
    before = image.value
    sliders["slope"].value = 1.0
    sliders["intercept"].value = 4.0
    assert calls[-1] == ((21, 1), (1,))
    assert bytes(image.value) != bytes(before) and bytes(image.value).startswith(PNG_SIGNATURE)
    ax = widget.figure.axes[0]
    assert ax.get_title() == "y = 1.0 x + 4.0"
    assert f"your line (_mse = {_mse(Y1, X1 + 4.0):,.1f})" in _legend(widget)
    assert any(label.startswith("least squares (_mse = ") for label in _legend(widget))
    assert np.allclose(ax.get_lines()[0].get_ydata(), np.sort(X1) + 4.0)



def test_line_explorer_fits_the_reference_with_a_given_function():
    seen = []

    def fit(X, y):
        seen.append(X.shape)
        return np.array([3.0]), 10.0

    widget = line_explorer(X1, Y1, _predict, _mse, reference=fit, reference_label="least squares")
    assert seen == [(21, 1)]
    assert _parts(widget)[1].value == ""
    assert f"least squares (_mse = {_mse(Y1, 3 * X1 + 10):,.1f})" in _legend(widget)


@pytest.mark.parametrize("fit, message", [
    ("stub", "fit is not implemented yet: complete its exercise, run that cell, then run this "
             "cell again. No reference line until then."),
    ("error", "fit raised ZeroDivisionError: division by zero. No reference line until then."),
    ("shape", "fit should return (w, b)"),
])
def test_line_explorer_explains_a_broken_reference_function(fit, message):
    def fit_(X, y):
        if fit == "stub":
            raise NotImplementedError()
        if fit == "error":
            return 1 / 0
        return np.array([1.0, 2.0]), 0.0

    fit_.__name__ = "fit"
    widget = line_explorer(X1, Y1, _predict, _mse, reference=fit_)
    assert message in _parts(widget)[1].value
    # The learner's own line is still drawn, alone.
    labels = _legend(widget)
    assert any(label.startswith("your line") for label in labels)
    assert len(widget.figure.axes[0].get_lines()) == 1


@pytest.mark.parametrize("broken, message", [
    ("predict_stub", "predict is not implemented yet"),
    ("loss_stub", "loss is not implemented yet"),
    ("predict_shape", "should return 21 predictions"),
    ("predict_error", "predict raised ValueError: boom &lt;b&gt;"),
    ("predict_nan", "predict returned NaN or inf"),
    ("loss_array", "should return a single number"),
])
def test_line_explorer_explains_broken_learner_functions(broken, message):
    def predict(X, w, b):
        if broken == "predict_stub":
            raise NotImplementedError()
        if broken == "predict_error":
            raise ValueError("boom <b>")
        out = X @ w + b
        if broken == "predict_nan":
            out[0] = np.nan
        return out.reshape(-1, 1) if broken == "predict_shape" else out

    def loss(y_true, y_pred):
        if broken == "loss_stub":
            raise NotImplementedError()
        return (y_true - y_pred) ** 2 if broken == "loss_array" else _mse(y_true, y_pred)

    widget = line_explorer(X1, Y1, predict, loss)
    sliders, text, image = _parts(widget)
    assert message in text.value
    assert image.layout.display == "none" and widget.figure is None
    sliders["slope"].value = 1.0  # still no crash on a redraw
    assert message in text.value


@pytest.mark.parametrize("kwargs, error", [
    ({"predict": None}, TypeError),
    ({"loss": "mse"}, TypeError),
    ({"x": np.ones(21)}, ValueError),
    ({"y": Y1[:5]}, ValueError),
    ({"reference": (1.0,)}, TypeError),
    ({"reference": ([1.0, 2.0], 0.0)}, ValueError),
    ({"reference": (np.nan, 0.0)}, ValueError),
    ({"slope_range": (1.0, -1.0)}, ValueError),
    ({"intercept_range": "wide"}, TypeError),
])
def test_line_explorer_rejects_bad_input(kwargs, error):
    args = {"x": X1, "y": Y1, "predict": _predict, "loss": _mse, **kwargs}
    with pytest.raises(error):
        line_explorer(**args)



def test_playground_builds_sliders_and_dropdown():
    widget = perceptron_playground(_perceptron_output, X_GATE, {"AND": Y_AND, "XOR": Y_XOR})
    assert isinstance(widget, PictureWidget)
    controls = {c.description: c for c in widget.children if hasattr(c, "description")}
    assert set(controls) >= {"target", "w1", "w2", "b"}
    assert list(controls["target"].options) == ["AND", "XOR"]
    assert controls["w1"].continuous_update is False



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


# --- How every picture looks in a notebook: natural size, readable labels, still axes ---


def _png_width(data):
    """The pixel width stored in a PNG's header."""
    return int.from_bytes(bytes(data)[16:20], "big")


def test_the_picture_has_the_figure_natural_size_and_is_rendered_sharper():
    from matplotlib.figure import Figure

    from nblib.widgets import picture_explorer

    widget = picture_explorer(lambda size: Figure(figsize=(size, size / 2)),
                              size=widgets.FloatSlider(value=6.0, min=1.0, max=10.0))
    image = widget.children[-1]
    # 100 CSS px per inch, as inline matplotlib plots; two image pixels per CSS pixel.
    assert (image.layout.width, image.layout.height, image.layout.max_width) == ("600px", "auto", "100%")
    assert _png_width(image.value) == 1200
    widget.children[0].value = 3.0
    assert image.layout.width == "300px" and _png_width(image.value) == 600


def test_a_long_description_gets_room_and_short_ones_keep_the_default():
    X, y = _points()
    runs = {0.1: ([0.7, 0.6], lambda G: np.full(len(G), 0.4))}
    slider = mlp_lr_explorer(runs, X, y).children[0]
    assert slider.description == "learning rate" and slider.style.description_width == "15ch"
    sliders, _, _ = _parts(line_explorer(X1, Y1, _predict, _mse))
    assert sliders["slope"].style.description_width == ""


def test_toggle_buttons_keep_their_label_beside_them():
    # ipywidgets 8 would put a ToggleButtons' description on a line of its own.
    from nblib.widgets.base import picture_explorer
    buttons = widgets.ToggleButtons(options=["a", "b"], description="unit")
    slider = widgets.IntSlider(description="word")
    picture_explorer(lambda unit, word: "nothing to draw", unit=buttons, word=slider)
    assert "widget-inline-hbox" in buttons._dom_classes and not slider._dom_classes


def _conv2d(image, kernel, stride=1, padding=0):
    p = np.pad(image, padding)
    n = p.shape[0] - 2
    return np.array([[np.sum(p[i:i + 3, j:j + 3] * kernel) for j in range(n)] for i in range(n)])


def _pool2d(m, size=2, stride=2, mode="max"):
    f = {"max": np.max, "avg": np.mean, "min": np.min, "sum": np.sum}[mode]
    n = m.shape[0] // 2
    return np.array([[f(m[2 * i:2 * i + 2, 2 * j:2 * j + 2]) for j in range(n)] for i in range(n)])


def _explorer(kind):
    """One explorer of each kind, on small data, and control moves that change its picture."""
    from nblib.widgets import (kernel_explorer, lstm_gate_explorer, regularisation_explorer,
                               threshold_dashboard, transaction_form)

    rng = np.random.default_rng(0)
    X, y = rng.normal(size=(30, 2)), (np.arange(30) % 2)
    if kind == "line":
        return (line_explorer(X1, Y1, _predict, _mse, reference=(np.array([3.0]), 10.0)),
                [("slope", -5.0), ("intercept", float(Y1.max())), ("slope", 7.0)])
    if kind == "activation":
        return (activation_explorer({"tanh": np.tanh}, {"tanh": _tanh_grad}),
                [("z", -4.9), ("z", 0.3), ("z", 4.9)])
    if kind == "perceptron":
        return (perceptron_playground(_perceptron_output, X_GATE, {"XOR": Y_XOR}),
                [("w1", -2.0), ("b", 2.0), ("w2", 1.3)])
    if kind == "learning rate":
        runs = {lr: (list(np.exp(-lr * np.arange(20)) + 0.05), lambda G, lr=lr: 1 / (1 + np.exp(-lr * G[:, 0])))
                for lr in (0.01, 0.1, 1.0)}
        return mlp_lr_explorer(runs, X, y), [("learning rate", "lr = 0.01"), ("learning rate", "lr = 1")]
    if kind == "regularisation":
        runs = {(lam, s): {"train_loss": list(np.exp(-np.arange(5 * s) / s) + lam),
                           "val_loss": list(np.exp(-np.arange(5 * s) / s) + 2 * lam),
                           "predict_proba": lambda G, s=s: 1 / (1 + np.exp(-s * G[:, 0]))}
                for lam in (0.0, 1.0) for s in (2, 8)}
        return regularisation_explorer(runs, X, y), [("L2 strength", 1.0), ("hidden units", 2)]
    if kind == "threshold":
        errors = np.exp(rng.normal(size=300))
        labels = (errors > np.quantile(errors, 0.9)).astype(int)
        return (threshold_dashboard(errors, labels, lambda t, f: (0.5, 0.5)),
                [("threshold", float(np.median(errors))), ("threshold", float(errors.max()))])
    if kind == "transaction":
        def score(**values):
            value = values["amount"] / 10 + 3 * values["new_device"]
            return value, np.arange(5) * value / 10
        return (transaction_form(score, 5.0, list("abcde"), ["x", "y"]),
                [("amount (EUR)", 5000.0), ("new device", True)])
    if kind == "lstm":
        trace = {k: rng.uniform(-1, 1, size=(6, 2))
                 for k in ("input", "forget", "candidate", "output", "cell", "hidden")}
        return lstm_gate_explorer(trace, list("abcdef")), [("word", 6), ("unit", 1)]
    if kind == "kernel":
        return (kernel_explorer(rng.random((3, 8, 8)), _conv2d, _pool2d),
                [("image", 2), ("preset", "sharpen"), ("pooling", "sum")])
    raise ValueError(kind)


def _frame(widget):
    """What must not move while a control changes: each axes' box and limits, legend places."""
    out = []
    for ax in widget.figure.axes:
        legend = ax.get_legend()
        out.append((np.round(ax.get_position().bounds, 4).tolist(), np.round(ax.get_xlim(), 6).tolist(),
                    np.round(ax.get_ylim(), 6).tolist(), None if legend is None else legend._loc))
    return out


@pytest.mark.parametrize("kind", ["line", "activation", "perceptron", "learning rate", "regularisation",
                                  "threshold", "transaction", "lstm", "kernel"])
def test_axes_and_legend_stay_still_while_a_control_moves(kind):
    widget, moves = _explorer(kind)
    before = _frame(widget)
    assert all(legend != 0 for *_, legend in before), "a legend at loc='best' jumps as the picture changes"
    for name, value in moves:
        picture = bytes(widget.children[-1].value)
        _run(widget, **{name: value})
        assert bytes(widget.children[-1].value) != picture, f"moving {name} did not redraw"
        assert _frame(widget) == before, f"the axes moved when {name} became {value!r}"


def test_the_tangent_stays_inside_the_plotted_range():
    widget = activation_explorer({"relu": lambda z: np.maximum(0, z)},
                                 {"relu": lambda z: (np.asarray(z) > 0) * 1.0}, z=4.9)
    ax = widget.figure.axes[0]
    (tangent,) = [line for line in ax.get_lines() if line.get_label() == "tangent"]
    (x_lo, x_hi), (y_lo, y_hi) = ax.get_xlim(), ax.get_ylim()
    assert x_lo <= min(tangent.get_xdata()) and max(tangent.get_xdata()) <= x_hi == 5.0
    assert y_lo <= min(tangent.get_ydata()) and max(tangent.get_ydata()) <= y_hi
    assert max(tangent.get_xdata()) == pytest.approx(5.0)  # cut at the edge, not dropped


# The learner's code failing inside a widget ----------------------------------------------
# Every explorer calls the learner's functions through nblib.widgets.base.call_learner, and
# picture_explorer shows what went wrong in the message line, at the first drawing and at
# every redraw (an exception in an ipywidgets observer would otherwise vanish).

def _unfinished(name):
    return f"{name} is not implemented yet: complete its exercise, run that cell, then run this cell again."


def _breakable(kind, state):
    """An explorer calling one learner function that raises ``state["exc"]`` while it is set.

    Returns the widget, the function's name (as the message should give it) and a control
    move that redraws.
    """
    from nblib.widgets import kernel_explorer, regularisation_explorer, threshold_dashboard, transaction_form

    rng = np.random.default_rng(1)
    X, y = rng.normal(size=(20, 2)), np.arange(20) % 2
    if kind == "line":
        def predict(X, w, b):
            if state["exc"]:
                raise state["exc"]
            return X @ w + b
        return line_explorer(X1, Y1, predict, _mse), "predict", ("slope", 1.0)
    if kind == "activation":
        def relu(z):
            if state["exc"]:
                raise state["exc"]
            return np.maximum(0, z)
        return (activation_explorer({"relu": relu}, {"relu": lambda z: (np.asarray(z) > 0) * 1.0}),
                "relu", ("z", 2.0))
    if kind == "perceptron":
        def perceptron_output(X, w, b):
            if state["exc"]:
                raise state["exc"]
            return _perceptron_output(X, w, b)
        return perceptron_playground(perceptron_output, X_GATE, {"AND": Y_AND}), "perceptron_output", ("w1", 1.0)
    if kind in ("learning rate", "regularisation"):
        def predict_proba(G):
            if state["exc"]:
                raise state["exc"]
            return 1 / (1 + np.exp(-G[:, 0]))
        if kind == "learning rate":
            runs = {lr: ([1.0, 0.5, 0.2], predict_proba) for lr in (0.01, 0.1, 1.0)}  # starts at 0.1
            return mlp_lr_explorer(runs, X, y), "predict_proba", ("learning rate", "lr = 1")
        runs = {(lam, 4): {"train_loss": [1.0, 0.5], "val_loss": [1.0, 0.6], "predict_proba": predict_proba}
                for lam in (0.0, 1.0)}
        return regularisation_explorer(runs, X, y), "predict_proba", ("L2 strength", 1.0)
    if kind == "threshold":
        def precision_recall(y_true, flagged):
            if state["exc"]:
                raise state["exc"]
            return 0.5, 0.5
        errors = np.exp(rng.normal(size=50))
        return (threshold_dashboard(errors, (errors > 2).astype(int), precision_recall), "precision_recall",
                ("threshold", float(np.median(errors))))
    if kind == "transaction":
        def score(**values):
            if state["exc"]:
                raise state["exc"]
            return values["amount"] / 10, np.ones(2)
        return transaction_form(score, 5.0, ["a", "b"], ["x"]), "score", ("amount (EUR)", 500.0)
    if kind == "kernel":
        def conv2d(image, kernel, stride=1, padding=0):
            if state["exc"]:
                raise state["exc"]
            return _conv2d(image, kernel, stride, padding)
        return kernel_explorer(rng.random((2, 8, 8)), conv2d, _pool2d), "conv2d", ("image", 1)
    raise ValueError(kind)


BREAKABLE = ["line", "activation", "perceptron", "learning rate", "regularisation", "threshold",
             "transaction", "kernel"]


def _shows_message(widget, message):
    image = widget.children[-1]
    assert widget.children[-2].value == message
    assert widget.figure is None and image.layout.display == "none"


def _shows_picture(widget):
    image = widget.children[-1]
    assert widget.figure is not None and image.layout.display is None
    assert bytes(image.value)[:8] == PNG_SIGNATURE


@pytest.mark.parametrize("kind", BREAKABLE)
def test_every_widget_says_which_exercise_to_finish_with_one_wording(kind):
    state = {"exc": NotImplementedError()}
    widget, name, (control, value) = _breakable(kind, state)
    _shows_message(widget, _unfinished(name))
    state["exc"] = None  # the learner finishes the exercise; the next redraw draws
    _run(widget, **{control: value})
    _shows_picture(widget)
    assert "not implemented" not in widget.children[-2].value


@pytest.mark.parametrize("kind", BREAKABLE)
def test_every_widget_shows_an_error_raised_after_the_first_drawing(kind):
    state = {"exc": None}
    widget, name, (control, value) = _breakable(kind, state)
    _shows_picture(widget)
    slider = {c.description: c for c in widget.children if getattr(c, "description", "")}[control]
    first = slider.value
    state["exc"] = ValueError("shapes (3,) and (2,) <not aligned>")
    slider.value = value  # the redraw runs in the control's observer
    _shows_message(widget, html.escape(f"{name} raised ValueError: shapes (3,) and (2,) <not aligned>"))
    state["exc"] = None  # fixed: the next move draws again
    slider.value = first
    _shows_picture(widget)


def test_a_function_failing_on_its_second_call_is_reported_on_the_slider_move():
    calls = []

    def predict(X, w, b):
        calls.append(1)
        if len(calls) >= 2:
            raise ValueError("second call")
        return X @ w + b

    widget = line_explorer(X1, Y1, predict, _mse)
    _shows_picture(widget)
    _parts(widget)[0]["slope"].value = 1.0
    _shows_message(widget, "predict raised ValueError: second call")
    _parts(widget)[0]["slope"].value = 2.0  # every redraw, not only the first failure
    _shows_message(widget, "predict raised ValueError: second call")


def test_an_unfinished_helper_is_named_rather_than_the_function_that_calls_it():
    def sigmoid(z):
        raise NotImplementedError()

    def swish(z):
        return z * sigmoid(z)

    widget = activation_explorer({"swish": swish}, {"swish": np.tanh})
    _shows_message(widget, _unfinished("sigmoid"))


def test_an_error_of_the_draw_function_itself_is_shown_too():
    from nblib.widgets import picture_explorer

    def draw(n):
        return {}["missing"] if n > 1 else "fine"

    slider = widgets.IntSlider(value=1, min=0, max=3, description="n")
    widget = picture_explorer(draw, n=slider)
    assert widget.children[-2].value == "fine"
    slider.value = 2
    assert widget.children[-2].value == html.escape("draw raised KeyError: 'missing'")


def test_a_wrong_output_of_the_learners_function_is_reported_not_raised():
    # predict_proba returns one value for the whole grid: the map cannot be drawn.
    runs = {lr: ([1.0, 0.5], lambda G: 0.5) for lr in (0.1, 1.0)}
    widget = mlp_lr_explorer(runs, np.zeros((4, 2)), np.array([0, 1, 0, 1]))
    assert widget.figure is None
    assert "Error" in widget.children[-2].value
