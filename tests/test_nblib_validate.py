"""Unit tests for nblib._validate: each validator converts good input and names bad input."""

import numpy as np
import pytest

from nblib import _validate


def test_points_and_labels():
    X = _validate.points_2d([[0, 1], [2, 3]])
    assert X.dtype == float and X.shape == (2, 2)
    assert _validate.labels01([0, 1.0], 2).tolist() == [0, 1]
    with pytest.raises(ValueError, match=r"shape \(n, 2\)"):
        _validate.points_2d(np.zeros((3, 3)))
    with pytest.raises(ValueError, match="only the labels 0 and 1"):
        _validate.labels01([0, 2], 2, "targets['AND']")
    with pytest.raises(ValueError, match="shape"):
        _validate.labels01([0, 1, 1], 2)


def test_vector_and_matrix():
    assert _validate.vector([1, 2], "x").tolist() == [1.0, 2.0]
    assert np.isinf(_validate.vector([1, np.inf], "x", finite=False)[1])
    with pytest.raises(ValueError, match="NaN or inf"):
        _validate.vector([1, np.nan], "x")
    with pytest.raises(ValueError, match="3 values"):
        _validate.vector([1, 2], "y", 3)
    with pytest.raises(TypeError, match="numbers"):
        _validate.vector(["a"], "x")
    original = np.ones((2, 2))
    copy = _validate.matrix(original, "X")
    copy[0, 0] = 5
    assert original[0, 0] == 1, "matrix() must return a copy"
    with pytest.raises(ValueError, match="reshape"):
        _validate.matrix([1, 2], "X")
    with pytest.raises(ValueError, match="3 columns"):
        _validate.matrix(np.ones((2, 2)), "X_test", 3)


def test_value_range_default_data_and_errors():
    assert _validate.value_range(None, (0, 1), "r") == (0, 1)
    lo, hi = _validate.value_range(None, None, "xlim", data=np.array([0.0, 10.0]))
    assert lo == -1.0 and hi == 11.0
    assert _validate.value_range((1, 2), None, "r") == (1.0, 2.0)
    with pytest.raises(ValueError, match="low < high"):
        _validate.value_range((2, 1), None, "r")
    with pytest.raises(TypeError, match="pair of numbers"):
        _validate.value_range("ab", None, "r")


def test_callables_and_curve_values():
    assert list(_validate.callables({1: abs}, "functions")) == ["1"]
    with pytest.raises(TypeError, match="callable"):
        _validate.callables({"f": 3}, "functions")
    z = np.linspace(-1, 1, 5)
    assert _validate.curve_values(np.tanh, z, "tanh").shape == z.shape
    with pytest.raises(ValueError, match="one value per input"):
        _validate.curve_values(lambda v: v[:2], z, "functions['bad']")


def test_loss_curves_losses_and_counts():
    out = _validate.loss_curves({"a": [1.0, np.inf, 0.5]})
    assert np.isnan(out["a"][1]), "a diverged value becomes a gap"
    with pytest.raises(ValueError, match="NaN"):
        _validate.loss_curves({"a": [1.0, np.nan]})
    with pytest.raises(ValueError, match="log axis"):
        _validate.loss_curves({"a": [1.0, 0.0]}, logy=True)
    assert _validate.loss_curves({"run": [3, 0]}, counts=True)["run"].tolist() == [3.0, 0.0]
    with pytest.raises(ValueError, match="non-negative"):
        _validate.loss_curves({"run": [-1]}, counts=True)
    with pytest.raises(TypeError, match="non-empty dict"):
        _validate.loss_curves([1, 2])


def test_split_args():
    assert _validate.split_args(0.25, 3) == (0.25, 3)
    with pytest.raises(ValueError, match="between 0 and 1"):
        _validate.split_args(1.5, 0)
    with pytest.raises(TypeError, match="seed must be an int"):
        _validate.split_args(0.2, "0")
