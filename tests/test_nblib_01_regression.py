"""Unit tests for the nblib helpers added for lab 01 (regression): data, plots, widgets."""

import matplotlib

matplotlib.use("Agg")

import ipywidgets  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.collections import LineCollection  # noqa: E402

from nblib.data import (DataSplit, load_classification_data, load_regression_data,  # noqa: E402
                        standardise)
from nblib.plots import plot_line_fit  # noqa: E402
from nblib.widgets import line_explorer  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


# ---------------------------------------------------------------- load_regression_data

def test_regression_data_shapes_names_and_raw_units():
    data = load_regression_data()
    assert isinstance(data, DataSplit)
    assert data.X_train.shape == (331, 10) and data.X_test.shape == (111, 10)
    assert data.y_train.shape == (331,) and data.y_test.shape == (111,)
    assert data.feature_names == ("age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6")
    # Original units, not scikit-learn's pre-scaled version: sex is coded 1/2.
    assert set(np.unique(data.X_train[:, 1])) == {1.0, 2.0}
    all_y = np.concatenate([data.y_train, data.y_test])
    assert all_y.min() == 25 and all_y.max() == 346


def test_regression_data_is_reproducible_and_seed_dependent():
    a, b = load_regression_data(seed=0), load_regression_data(seed=0)
    c = load_regression_data(seed=1)
    assert np.array_equal(a.X_train, b.X_train) and np.array_equal(a.y_test, b.y_test)
    assert not np.array_equal(a.y_train, c.y_train)
    assert load_regression_data(test_size=0.5).X_test.shape == (221, 10)


@pytest.mark.parametrize("kwargs, error", [
    ({"test_size": 0.0}, ValueError),
    ({"test_size": 1.0}, ValueError),
    ({"test_size": "0.25"}, ValueError),
    ({"test_size": True}, ValueError),
    ({"seed": -1}, ValueError),
    ({"seed": 1.5}, TypeError),
    ({"seed": True}, TypeError),
])
def test_regression_data_rejects_bad_arguments(kwargs, error):
    with pytest.raises(error, match="test_size|seed"):
        load_regression_data(**kwargs)


# ---------------------------------------------------------------- load_classification_data

def test_classification_data_flips_labels_so_one_is_malignant():
    data = load_classification_data()
    assert data.X_train.shape == (426, 2) and data.X_test.shape == (143, 2)
    assert data.feature_names == ("worst radius", "worst texture")
    y = np.concatenate([data.y_train, data.y_test])
    assert y.dtype.kind == "i" and set(np.unique(y)) == {0, 1}
    # The data set has 212 malignant and 357 benign tumours.
    assert int(y.sum()) == 212
    # Stratified: the same share of malignant tumours in both parts.
    assert abs(data.y_train.mean() - data.y_test.mean()) < 0.01
    # Malignant tumours are larger on average.
    assert data.X_train[data.y_train == 1, 0].mean() > data.X_train[data.y_train == 0, 0].mean()


def test_classification_data_keeps_the_requested_columns_in_order():
    pair = load_classification_data(features=["worst texture", "worst radius"])
    default = load_classification_data()
    assert pair.feature_names == ("worst texture", "worst radius")
    assert np.array_equal(pair.X_train, default.X_train[:, ::-1])
    from sklearn.datasets import load_breast_cancer
    everything = load_classification_data(features=load_breast_cancer().feature_names)
    assert everything.X_train.shape == (426, 30)


@pytest.mark.parametrize("kwargs, error, match", [
    ({"features": "worst radius"}, TypeError, "sequence"),
    ({"features": 3}, TypeError, "sequence"),
    ({"features": ()}, ValueError, "at least one"),
    ({"features": ("worst radius", "tumour colour")}, ValueError, "unknown column"),
    ({"features": ("worst radius", "worst radius")}, ValueError, "repeat"),
    ({"features": ("worst radius", 2)}, TypeError, "strings"),
    ({"test_size": 2}, ValueError, "test_size"),
    ({"seed": "zero"}, TypeError, "seed"),
])
def test_classification_data_rejects_bad_arguments(kwargs, error, match):
    with pytest.raises(error, match=match):
        load_classification_data(**kwargs)


# ---------------------------------------------------------------- standardise

def test_standardise_uses_training_statistics_for_every_array():
    rng = np.random.default_rng(0)
    train = rng.normal(loc=[10.0, -3.0], scale=[2.0, 0.5], size=(50, 2))
    test = rng.normal(loc=[10.0, -3.0], scale=[2.0, 0.5], size=(20, 2))
    new = np.array([[10.0, -3.0]])
    train_before, test_before = train.copy(), test.copy()
    out = standardise(train, test, new)
    assert isinstance(out, tuple) and len(out) == 3
    s_train, s_test, s_new = out
    assert np.allclose(s_train.mean(axis=0), 0.0) and np.allclose(s_train.std(axis=0), 1.0)
    mean, std = train.mean(axis=0), train.std(axis=0)
    assert np.allclose(s_test, (test - mean) / std)
    assert np.allclose(s_new, (new - mean) / std)
    # The test part is not re-centred on its own mean.
    assert not np.allclose(s_test.mean(axis=0), 0.0)
    assert np.array_equal(train, train_before) and np.array_equal(test, test_before)


def test_standardise_alone_and_with_lists():
    (only,) = standardise([[1.0], [3.0]])
    assert np.allclose(only, [[-1.0], [1.0]])


@pytest.mark.parametrize("args, error, match", [
    ((np.arange(5.0),), ValueError, "reshape"),
    ((np.ones((1, 3)),), ValueError, "at least 2 rows"),
    ((np.zeros((0, 3)),), ValueError, "at least one row"),
    ((np.array([[1.0, 2.0], [1.0, 3.0]]),), ValueError, "constant"),
    ((np.array([[1.0, np.nan], [2.0, 3.0]]),), ValueError, "NaN"),
    ((np.array([["a", "b"], ["c", "d"]]),), TypeError, "numeric"),
    ((np.eye(3), np.ones((2, 2))), ValueError, r"others\[0\] must have 3 columns"),
    ((np.eye(3), np.ones(3)), ValueError, r"others\[0\] must be 2-D"),
])
def test_standardise_rejects_bad_input(args, error, match):
    with pytest.raises(error, match=match):
        standardise(*args)


# ---------------------------------------------------------------- plot_line_fit

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


# ---------------------------------------------------------------- line_explorer

X1 = np.linspace(-2.0, 2.0, 21)
Y1 = 3.0 * X1 + 10.0 + np.sin(7 * X1)
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _predict(X, w, b):
    return X @ w + b


def _mse(y_true, y_pred):
    return float(np.mean((y_true - y_pred) ** 2))


def _parts(widget):
    """The explorer's sliders (by description), message and image widgets."""
    sliders = {c.description: c for c in widget.children if isinstance(c, ipywidgets.FloatSlider)}
    (message,) = [c for c in widget.children if isinstance(c, ipywidgets.HTML)]
    (image,) = [c for c in widget.children if isinstance(c, ipywidgets.Image)]
    return sliders, message, image


def _legend(widget):
    return [t.get_text() for t in widget.figure.axes[0].get_legend().get_texts()]


def test_explorer_builds_two_sliders_with_data_based_ranges_and_a_first_picture():
    widget = line_explorer(X1, Y1, _predict, _mse)
    assert isinstance(widget, ipywidgets.VBox)
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


def test_explorer_redraws_the_line_of_the_given_functions_when_a_slider_moves():
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


def test_explorer_fits_the_reference_with_a_given_function():
    seen = []

    def fit(X, y):
        seen.append(X.shape)
        return np.array([3.0]), 10.0

    widget = line_explorer(X1, Y1, _predict, _mse, reference=fit, reference_label="least squares")
    assert seen == [(21, 1)]
    assert _parts(widget)[1].value == ""
    assert f"least squares (_mse = {_mse(Y1, 3 * X1 + 10):,.1f})" in _legend(widget)


@pytest.mark.parametrize("fit, message", [
    ("stub", "fit is not implemented yet: no reference line"),
    ("error", "fit raised ZeroDivisionError"),
    ("shape", "fit should return (w, b)"),
])
def test_explorer_explains_a_broken_reference_function(fit, message):
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
def test_explorer_explains_broken_learner_functions(broken, message):
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
def test_explorer_rejects_bad_input(kwargs, error):
    args = {"x": X1, "y": Y1, "predict": _predict, "loss": _mse, **kwargs}
    with pytest.raises(error):
        line_explorer(**args)
