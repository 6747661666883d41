"""nblib.checks: the checks without tests elsewhere (check_integer, check_shape, check_keys,
check_at_least, check_model_output_shape).

Each passes good input and returns None (nbgrader would read a returned number as partial
credit), and fails bad input with a CheckError naming what is wrong. Only check_integer
compares against a computed answer, so only it must keep the expected value out of its
message; a shape, a key set or a threshold is part of the question and may be shown.
"""

import numpy as np
import pytest

from nblib.checks import (
    CheckError,
    check_at_least,
    check_integer,
    check_keys,
    check_model_output_shape,
    check_shape,
)

SECRET = 48271  # an expected answer that must never appear in a message


def _fails(check, *args):
    """The message of the CheckError that ``check(*args)`` raises."""
    with pytest.raises(CheckError) as info:
        check(*args)
    return str(info.value)


# check_integer -------------------------------------------------------------------------

@pytest.mark.parametrize("got", [SECRET, np.int64(SECRET), np.int32(SECRET)])
def test_check_integer_accepts_python_and_numpy_ints(got):
    assert check_integer(got, SECRET, "n_params") is None


def test_check_integer_names_the_wrong_value_but_not_the_answer():
    message = _fails(check_integer, SECRET + 1, SECRET, "n_params")
    assert "n_params" in message and str(SECRET + 1) in message
    assert str(SECRET) not in message


@pytest.mark.parametrize("got, words", [
    (float(SECRET), ["should be an int", "float", "int(...)"]),
    (np.float64(SECRET), ["should be an int", "//"]),
    (True, ["should be an int", "bool"]),
    ("48271", ["should be an int", "str"]),
    (None, ["is None", "return"]),
])
def test_check_integer_rejects_non_integers_without_the_answer(got, words):
    message = _fails(check_integer, got, SECRET, "out_size")
    assert "out_size" in message
    for word in words:
        assert word in message
    if got is None or isinstance(got, (bool, str)):
        assert str(SECRET) not in message


# check_shape ---------------------------------------------------------------------------

@pytest.mark.parametrize("got", [np.zeros((2, 3)), [[1, 2, 3], [4, 5, 6]], np.zeros((2, 3), dtype=int)])
def test_check_shape_accepts_arrays_and_nested_lists(got):
    assert check_shape(got, (2, 3), "logits") is None


def test_check_shape_names_both_shapes():
    message = _fails(check_shape, np.zeros((3, 2)), (2, 3), "logits")
    assert "logits" in message and "(2, 3)" in message and "(3, 2)" in message


@pytest.mark.parametrize("got, words", [
    (None, ["logits is None", "return"]),
    ("abc", ["logits should be numeric", "str"]),
    ([[1, 2], [3]], ["logits"]),
])
def test_check_shape_rejects_what_is_not_an_array(got, words):
    message = _fails(check_shape, got, (2, 2), "logits")
    for word in words:
        assert word in message


# check_keys ----------------------------------------------------------------------------

def test_check_keys_accepts_the_keys_in_any_order():
    assert check_keys({"b": 1, "a": 2}, ["a", "b"], "grads") is None


def test_check_keys_names_the_missing_key():
    message = _fails(check_keys, {"W1": 0}, ["W1", "b1"], "grads")
    assert "grads" in message and "missing" in message and "'b1'" in message
    assert "'W1'" not in message


def test_check_keys_names_the_unexpected_key():
    message = _fails(check_keys, {"W1": 0, "b1": 0, "W9": 0}, ["W1", "b1"], "grads")
    assert "grads" in message and "unexpected" in message and "'W9'" in message


@pytest.mark.parametrize("got", [[("W1", 0)], None, "W1"])
def test_check_keys_requires_a_dict(got):
    message = _fails(check_keys, got, ["W1"], "grads")
    assert "grads should be a dict" in message


# check_at_least ------------------------------------------------------------------------

@pytest.mark.parametrize("got", [0.9, 0.95, np.float32(0.95), np.float64(1.0), 1, np.array(0.93)])
def test_check_at_least_accepts_values_reaching_the_bar(got):
    assert check_at_least(got, 0.9, "test accuracy") is None


def test_check_at_least_a_float32_metric_exactly_at_the_bar_passes():
    # Keras computes accuracy in float32: 9 of 10 right is float32(0.9) < 0.9 in float64.
    assert float(np.float32(0.9)) < 0.9
    assert check_at_least(np.float32(0.9), 0.9, "test accuracy") is None
    assert check_at_least(np.float32(18 / 20), 0.9, "test accuracy") is None
    # ... but a float32 value truly below the bar still fails.
    assert "below" in _fails(check_at_least, np.float32(0.8999), 0.9, "test accuracy")


def test_check_at_least_names_the_value_and_the_bar():
    # The bar is a threshold, not an answer: the design shows it.
    message = _fails(check_at_least, 0.8125, 0.9, "test accuracy")
    assert "test accuracy" in message and "0.8125" in message and "0.9" in message
    assert "below" in message


@pytest.mark.parametrize("got", [float("nan"), float("-inf")])
def test_check_at_least_refuses_nan_and_inf(got):
    assert "test accuracy" in _fails(check_at_least, got, 0.5, "test accuracy")


@pytest.mark.parametrize("got", [None, True, "0.95", [0.95], np.array([0.95, 0.9])])
def test_check_at_least_requires_a_single_number(got):
    message = _fails(check_at_least, got, 0.9, "test accuracy")
    assert "test accuracy should be a single number" in message


# check_model_output_shape --------------------------------------------------------------

class _DenseLike:
    """A stand-in for a Keras model (called as ``model(x, training=False)``): (n, d) -> (n, k)."""

    def __init__(self, d, k):
        self.w = np.ones((d, k), dtype="float32")
        self.calls = []

    def __call__(self, x, training=None):
        self.calls.append(training)
        if x.ndim != 2 or x.shape[1] != self.w.shape[0]:
            raise ValueError(f"expected input with {self.w.shape[0]} features,\nsecond line")
        return x @ self.w


def test_check_model_output_shape_accepts_a_matching_model_called_in_inference_mode():
    model = _DenseLike(8, 10)
    assert check_model_output_shape(model, (4, 8), (4, 10), "model") is None
    assert model.calls == [False]


def test_check_model_output_shape_names_the_shapes():
    message = _fails(check_model_output_shape, _DenseLike(8, 3), (4, 8), (4, 10), "model")
    assert "model maps a batch of shape (4, 8) to shape (4, 3)" in message
    assert "(4, 10)" in message


def test_check_model_output_shape_explains_a_model_built_for_another_input():
    message = _fails(check_model_output_shape, _DenseLike(5, 10), (4, 8), (4, 10), "model")
    assert "model could not be called on a batch of shape (4, 8)" in message
    assert "ValueError: expected input with 5 features" in message
    assert "second line" not in message  # only the first line of a long error


@pytest.mark.parametrize("model, words", [
    (None, ["model is None", "return"]),
    ("dense", ["model should be a Keras model", "str"]),
])
def test_check_model_output_shape_requires_a_model(model, words):
    message = _fails(check_model_output_shape, model, (4, 8), (4, 10), "model")
    for word in words:
        assert word in message


@pytest.mark.parametrize("check, args", [
    (check_integer, (1, 1)), (check_shape, ([1], (1,))), (check_keys, ({}, [])),
    (check_at_least, (1.0, 0.5)), (check_model_output_shape, (_DenseLike(1, 1), (1, 1), (1, 1))),
])
@pytest.mark.parametrize("name", ["", None])
def test_every_check_requires_a_name(check, args, name):
    with pytest.raises(TypeError, match="name"):
        check(*args, name)
