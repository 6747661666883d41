"""nblib.checks: each check passes correct answers, names what is wrong otherwise,
never prints the expected value, never returns a value, and rejects bad arguments."""

import re
import warnings

import numpy as np
import pytest

from nblib.checks import (
    CheckError, call, check_array, check_labels, check_no_warnings, check_scalar, check_true,
    check_tuple, check_unchanged,
)

SECRET = 0.123456789


def test_check_error_is_an_assertion_error():
    assert issubclass(CheckError, AssertionError)


def test_checks_return_none_so_nbgrader_sees_no_partial_credit():
    assert check_array([1.0, 2.0], [1.0, 2.0], "x") is None
    assert check_scalar(1.0, 1.0, "x") is None
    assert check_labels([0, 1], [0, 1], "x") is None
    assert check_tuple((1, 2), 2, "x") is None
    assert check_true(True, "msg") is None
    assert check_unchanged([1], [1], "x") is None
    assert check_no_warnings(np.exp, 1.0) is None


@pytest.mark.parametrize("got", [[1.0, 2.0], np.array([1.0, 2.0], dtype=np.float32), (1, 2), np.array([1, 2])])
def test_check_array_accepts_equivalent_forms(got):
    assert check_array(got, np.array([1.0, 2.0]), "y") is None  # no CheckError raised


def test_check_array_tolerance_accepts_float_noise():
    assert check_array(np.array([1.0 + 1e-9, 2.0]), [1.0, 2.0], "y") is None
    with pytest.raises(CheckError):  # ... but not a real difference
        check_array(np.array([1.0 + 1e-3, 2.0]), [1.0, 2.0], "y")


@pytest.mark.parametrize(("got", "fragment"), [
    (None, "forget to `return`"),
    (np.zeros((3, 1)), "shape (3,), got shape (3, 1)"),
    (np.zeros(4), "shape (3,), got shape (4,)"),
    (np.array([1.0, np.nan, 3.0]), "NaN at index (1,)"),
    (np.array([1.0, np.inf, 3.0]), "inf at index (1,)"),
    (np.array(["a", "b", "c"]), "real numbers"),
    ("abc", "numeric"),
    (np.array([-1.0, -2.0, -3.0]), "opposite sign"),
    (np.array([2.0, 4.0, 6.0]), "same factor"),
    (np.array([1.0, 2.5, 3.0]), "1 of 3 values are wrong; the first is at index (1,), where you have 2.5"),
])
def test_check_array_names_the_problem(got, fragment):
    with pytest.raises(CheckError) as info:
        check_array(got, np.array([1.0, 2.0, 3.0]), "f(x)")
    assert fragment in str(info.value)
    assert str(info.value).startswith("f(x)")


def test_check_array_spots_a_transpose():
    with pytest.raises(CheckError, match="transposed"):
        check_array(np.zeros((3, 2)), np.zeros((2, 3)), "W")


def test_check_array_dtype():
    with pytest.raises(CheckError, match="integer dtype, got dtype float64"):
        check_array(np.array([1.0, 0.0]), np.array([1, 0]), "step(z)", check_dtype=True)
    check_array(np.array([1, 0], dtype=np.int32), np.array([1, 0]), "step(z)", check_dtype=True)


@pytest.mark.parametrize("check", ["array", "scalar"])
def test_messages_never_reveal_the_expected_value(check):
    got = 0.5
    with pytest.raises(CheckError) as info:
        if check == "array":
            check_array([got, got], [SECRET, 2 * SECRET], "v")
        else:
            check_scalar(got, SECRET, "v")
    message = str(info.value)
    for shown in ("0.123457", "0.12345", "0.246914", "0.24691"):
        assert shown not in message


def test_check_scalar():
    check_scalar(np.float64(2.0), 2.0, "loss")
    check_scalar(np.array(2.0), 2.0, "loss")
    check_scalar(2, 2.0, "loss")
    with pytest.raises(CheckError, match="single number, got a numpy array of shape"):
        check_scalar(np.array([2.0]), 2.0, "loss")
    with pytest.raises(CheckError, match="got a bool"):
        check_scalar(True, 1.0, "loss")
    with pytest.raises(CheckError, match="is nan"):
        check_scalar(float("nan"), 1.0, "loss")
    with pytest.raises(CheckError, match="forget to `return`"):
        check_scalar(None, 1.0, "loss")
    with pytest.raises(CheckError, match=r"is not the expected value\.$"):
        check_scalar(4.0, 2.0, "loss")
    with pytest.raises(CheckError, match="opposite sign"):
        check_scalar(-2.0, 2.0, "loss")


def test_check_labels():
    check_labels(np.array([True, False]), [1, 0], "labels")
    check_labels(np.array([1.0, 0.0]), [1, 0], "labels")
    with pytest.raises(CheckError, match="not whole numbers"):
        check_labels([0.7, 0.2], [1, 0], "labels")
    with pytest.raises(CheckError, match=r"label\(s\) \[2\]"):
        check_labels([2, 0], [1, 0], "labels")
    with pytest.raises(CheckError, match="1 of 2 labels are wrong"):
        check_labels([0, 0], [1, 0], "labels")
    with pytest.raises(CheckError, match="shape"):
        check_labels([[0, 0]], [1, 0], "labels")
    check_labels([2, 0], [2, 0], "labels", allowed=(0, 1, 2))


def test_check_tuple():
    with pytest.raises(CheckError, match="returned None"):
        check_tuple(None, 2, "fit(X, y)")
    with pytest.raises(CheckError, match="should return 2 values, got 3"):
        check_tuple((1, 2, 3), 2, "fit(X, y)")
    with pytest.raises(CheckError, match="as a tuple, got a numpy array"):
        check_tuple(np.zeros(2), 2, "fit(X, y)")
    check_tuple([1, 2], 2, "fit(X, y)")


def test_check_unchanged_and_true():
    with pytest.raises(CheckError, match="modified in place"):
        check_unchanged([1.0, 2.0], [1.0, 3.0], "x")
    with pytest.raises(CheckError, match="custom message"):
        check_true(False, "custom message")


def test_call_reports_a_stub_and_keeps_warnings_off_stderr(capsys):
    def stub(x):
        raise NotImplementedError()

    with pytest.raises(CheckError, match="stub is not implemented yet"):
        call(stub, 1)

    def noisy(x):
        return 1 / (1 + np.exp(-x))

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # any leaked warning would raise here
        assert call(noisy, np.array([-1000.0]))[0] == 0.0
    assert capsys.readouterr().err == ""


def test_call_lets_real_errors_through():
    with pytest.raises(ZeroDivisionError):
        call(lambda: 1 / 0)


def test_check_no_warnings():
    def naive(z):
        return 1 / (1 + np.exp(-z))

    with pytest.raises(CheckError, match="RuntimeWarning: overflow"):
        check_no_warnings(naive, np.array([-1000.0]), name="sigmoid")
    with np.errstate(all="ignore"):  # even if the notebook silenced numpy
        with pytest.raises(CheckError):
            check_no_warnings(naive, np.array([-1000.0]))
    check_no_warnings(np.tanh, np.array([-1000.0]))
    # Underflow to 0 is the right answer, not a warning.
    check_no_warnings(lambda z: np.exp(-np.abs(z)), np.array([-1000.0, 1000.0]))


@pytest.mark.parametrize("bad", [
    lambda: check_array([1.0], [1.0], ""),
    lambda: check_array([1.0], [1.0], None),
    lambda: check_array([1.0], ["a"], "x"),
    lambda: check_tuple((1,), 0, "x"),
    lambda: check_true(True, ""),
    lambda: call("not a function"),
])
def test_bad_arguments_get_a_clear_error(bad):
    with pytest.raises(TypeError):
        bad()


def test_a_failing_check_shows_only_its_message_in_ipython_but_the_students_bug_its_traceback(capsys):
    # IPython (the notebook's and the grader's kernel) prints _render_traceback_'s lines
    # instead of the traceback: no test-cell code, no nblib/checks.py internals.
    from IPython.core.interactiveshell import InteractiveShell
    from traitlets.config import Config

    config = Config()
    config.HistoryManager.enabled = False
    shell = InteractiveShell(config=config)
    failed = shell.run_cell("from nblib.checks import check_scalar\n"
                            "answer = 2.0  # the test cell's code\n"
                            "check_scalar(answer, 3.0, name='f()')")
    shown = capsys.readouterr().out
    assert isinstance(failed.error_in_exec, CheckError) and not failed.success
    assert shown == "\x1b[0;31mCheckError\x1b[0m: f() = 2 is not the expected value.\n"
    shell.run_cell("def student():\n    return 1 / 0\nstudent()")
    shown = re.sub(r"\x1b\[[0-9;]*m", "", capsys.readouterr().out)
    assert "Traceback" in shown and "return 1 / 0" in shown and "ZeroDivisionError" in shown


class _Agreeable:
    """Says yes to everything: its comparisons return itself, which is always truthy."""

    def __eq__(self, other):
        return self

    def __bool__(self):
        return True


def test_check_true_refuses_objects_that_always_agree():
    with pytest.raises(CheckError, match="not True or False"):
        check_true(_Agreeable(), "the result should match")
    with pytest.raises(CheckError, match="not True or False"):
        check_true(_Agreeable() == 3, "the result should match")


def test_check_true_takes_plain_truth_values():
    check_true(True, "ok")
    check_true(np.bool_(True), "ok")
    check_true(np.float64(1.0) > 0, "ok")
    check_true(np.array(True), "ok")
    with pytest.raises(CheckError, match="too small"):
        check_true(np.int64(3) > 4, "too small")
    with pytest.raises(TypeError, match="one truth value"):
        check_true(np.array([True, True]), "ok")
