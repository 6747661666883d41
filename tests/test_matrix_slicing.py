"""Unit tests of the grading matrix's pieces (nnb_grading.matrix), on hand-built notebooks.

No kernel, no nbgrader run, no TensorFlow: the slicing is static analysis, scoring is
nbgrader's ``determine_grade`` on outputs built here, and the cases are plain files.
"""

import textwrap

import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output
from nbgrader.utils import determine_grade

from nnb_grading.matrix.cases import (
    apply_case, combine_cases, defined_functions, expectation_problems, parse_case,
)
from nnb_grading.matrix.runner import score_outputs
from nnb_grading.matrix.slicing import (
    _threaded_names, parent_safe, shared_units, slice_units, solution_inputs, split_statements,
    unchanged_tests, units_for,
)


def _meta(**nbgrader):
    return {"nbgrader": {"schema_version": 3, **nbgrader}}


def _solution(grade_id, source):
    return new_code_cell(source, metadata=_meta(grade_id=grade_id, solution=True, grade=False, locked=False))


def _test(grade_id, source, points=1):
    return new_code_cell(source, metadata=_meta(grade_id=grade_id, solution=False, grade=True, locked=True,
                                                points=points))


SETUP = """\
import numpy as np
import tensorflow as tf
import matplotlib.pyplot as plt
rng = np.random.default_rng(0)
x = rng.normal(size=3)
w = tf.constant([1.0])
"""


def _lab(double="def double(v):\n    return 2 * v"):
    """Setup cell, one solution cell, a markdown cell, an unrelated cell, a test cell."""
    return new_notebook(cells=[
        new_code_cell(SETUP),
        _solution("double", double),
        new_markdown_cell("Now plot it."),
        new_code_cell("plt.plot(x)\nprint('hello')\ny = double(x)"),
        _test("test_double", "assert np.allclose(double(x), 2 * x)", points=2),
    ])


def _index(units, source):
    return next(i for i, u in enumerate(units) if u.source == source)


# ---------------------------------------------------------------- slicing

def test_split_statements_gives_top_level_statements_with_decorators_and_magics():
    source = "%matplotlib inline\nx = 1\n@decorate\ndef f():\n    return x\nfor i in range(2):\n    x += i\n"
    parts = split_statements(source)
    assert len(parts) == 4
    assert "matplotlib" in parts[0] and "%" not in parts[0]  # the magic, as Python
    assert parts[1] == "x = 1"
    assert parts[2].startswith("@decorate") and parts[2].endswith("return x")
    assert parts[3].startswith("for i") and "x += i" in parts[3]


def test_split_statements_keeps_a_cell_that_does_not_parse_whole():
    assert split_statements("x = (\n") == ["x = (\n"]


def test_units_for_splits_other_cells_and_takes_the_students_solution():
    solution = _lab()
    student = _lab(double="def double(v):\n    return v + v")
    units = units_for(solution, student)
    kinds = [u.kind for u in units]
    # 6 setup statements, the solution cell, 3 statements of the unrelated cell, the test.
    assert kinds == ["other"] * 6 + ["solution"] + ["other"] * 3 + ["test"]
    sol, test = units[6], units[-1]
    assert sol.grade_id == "double" and sol.source == "def double(v):\n    return v + v"
    assert sol.binds == {"double"}
    assert test.grade_id == "test_double" and test.points == 2.0
    assert test.uses == {"double", "x", "np"}
    rng = units[_index(units, "x = rng.normal(size=3)")]
    # A method call on a generator changes it; a call on a module does not.
    assert rng.binds == {"x"} and rng.changes == {"rng"}
    assert units[_index(units, "rng = np.random.default_rng(0)")].changes == set()
    assert units[0].imports == {"np"}


def test_units_for_leaves_out_markdown_and_claim_cells():
    nb = _lab()
    nb.cells.insert(2, new_code_cell("assert True", metadata={"tags": ["claim"]}))
    assert all("assert True" not in u.source for u in units_for(nb, nb))


def test_slice_keeps_what_the_test_needs_and_drops_the_plot_and_print():
    units = units_for(_lab(), _lab())
    kept = [units[i].source for i in slice_units(units)]
    assert kept == ["import numpy as np", "rng = np.random.default_rng(0)", "x = rng.normal(size=3)",
                    "def double(v):\n    return 2 * v", "assert np.allclose(double(x), 2 * x)"]


def test_slice_for_chosen_tests_keeps_only_their_inputs():
    nb = _lab()
    nb.cells.append(_test("test_w", "assert float(w[0]) == 1.0"))
    units = units_for(nb, nb)
    only_w = [units[i].source for i in slice_units(units, tests={"test_w"})]
    # The solution cell always runs; the other test and its inputs do not.
    assert only_w == ["import tensorflow as tf", "w = tf.constant([1.0])",
                      "def double(v):\n    return 2 * v", "assert float(w[0]) == 1.0"]
    assert slice_units(units, tests=set()) == [_index(units, "def double(v):\n    return 2 * v")]


def test_a_statement_that_changes_a_needed_object_in_place_is_kept():
    nb = new_notebook(cells=[
        new_code_cell("data = []\ndata.append(1)\nother = 3"),
        _test("t", "assert data == [1]"),
    ])
    units = units_for(nb, nb)
    assert [units[i].source for i in slice_units(units)] == ["data = []", "data.append(1)", "assert data == [1]"]


def test_a_loop_variable_is_bound_not_read():
    nb = new_notebook(cells=[new_code_cell("for k in range(3):\n    total = k")])
    [unit] = units_for(nb, nb)
    assert unit.uses == set() and unit.binds == {"k", "total"}


def test_a_comprehension_variable_is_not_read_from_earlier_cells():
    nb = new_notebook(cells=[
        new_code_cell("i = 10\nr = range(3)"),
        new_code_cell("squares = [i * i for i in r]"),
        _test("t", "assert squares == [0, 1, 4]"),
    ])
    units = units_for(nb, nb)
    assert units[2].uses == {"r"}
    assert [units[j].source for j in slice_units(units)] == ["r = range(3)", "squares = [i * i for i in r]",
                                                             "assert squares == [0, 1, 4]"]


def test_an_exception_name_is_not_read_from_earlier_cells():
    nb = new_notebook(cells=[new_code_cell("try:\n    x = 1 / 0\nexcept ZeroDivisionError as err:\n    msg = str(err)")])
    [unit] = units_for(nb, nb)
    assert unit.uses == set() and unit.binds == {"x", "msg"}  # Python unbinds err after the block


def test_solution_inputs_follow_names_through_other_statements():
    nb = new_notebook(cells=[
        new_code_cell("import numpy as np"),
        _solution("f", "import numpy as np\ndef f(v):\n    return v + 1"),
        _solution("g", "def g(v):\n    return v * 2"),
        new_code_cell("z = f(1)"),
        _test("test_z", "assert z == 2"),
        _test("test_g", "assert g(np.ones(1))[0] == 2"),
    ])
    units = units_for(nb, nb)
    # Through `z`; the solution cell's own `import numpy` is no input of test_g.
    assert solution_inputs(units, _index(units, "assert z == 2")) == {"f"}
    assert solution_inputs(units, len(units) - 1) == {"g"}


def test_unchanged_tests_are_those_whose_solution_inputs_are_the_instructors():
    nb = new_notebook(cells=[
        _solution("f", "def f():\n    return 1"),
        _solution("g", "def g():\n    return 2"),
        _test("test_f", "assert f() == 1"),
        _test("test_g", "assert g() == 2"),
    ])
    student = new_notebook(cells=[_solution("f", "def f():\n    return 1"),
                                  _solution("g", "def g():\n    return 3")])
    reference = units_for(nb, nb)
    assert unchanged_tests(units_for(nb, student), reference) == {"test_f"}
    assert unchanged_tests(reference, reference) == {"test_f", "test_g"}


def test_names_computed_from_tensorflow_are_threaded_and_not_parent_safe():
    units = units_for(_lab(), _lab())
    threaded, tf_modules = _threaded_names(units)
    assert tf_modules == {"tf"} and threaded == {"w"}
    by_source = {u.source: u for u in units}
    assert not parent_safe(by_source["w = tf.constant([1.0])"], threaded, tf_modules)
    assert parent_safe(by_source["import tensorflow as tf"], threaded, tf_modules)  # importing is safe
    assert parent_safe(by_source["x = rng.normal(size=3)"], threaded, tf_modules)


def test_threaded_names_from_keras_imports():
    nb = new_notebook(cells=[new_code_cell("from keras import layers\ndense = layers.Dense(2)\nn = 3")])
    units = units_for(nb, nb)
    threaded, tf_modules = _threaded_names(units)
    assert tf_modules == {"layers"} and threaded == {"dense"}
    assert not parent_safe(units[1], threaded, tf_modules) and parent_safe(units[2], threaded, tf_modules)


def test_shared_units_are_kept_statements_no_student_code_reaches():
    nb = new_notebook(cells=[
        new_code_cell("import numpy as np"),
        _solution("f", "def f(v):\n    return v + 1"),
        new_code_cell("grid = np.arange(3)\nout = f(grid)\nscale = 2"),
        _test("t", "assert (out == grid + 1).all()"),
        new_code_cell("out = scale * 5"),
        _test("t2", "assert out == 10"),
    ])
    units = units_for(nb, nb)
    keep = slice_units(units)
    first = _index(units, "def f(v):\n    return v + 1")
    shared = [units[i].source for i in shared_units(units, keep, first)]
    # `out = f(grid)` depends on the student; the last `out = scale * 5` would rebind a
    # name the first test reads, so it must not run early either.
    assert shared == ["grid = np.arange(3)", "scale = 2"]
    # A statement reading a name some student's solution cell binds is never shared.
    assert [units[i].source for i in shared_units(units, keep, first, {"np"})] == ["scale = 2"]


# ---------------------------------------------------------------- scoring

def _error():
    return new_output("error", ename="AssertionError", evalue="wrong shape", traceback=[])


def _stderr(text):
    return new_output("stream", name="stderr", text=text)


def _result(text):
    return new_output("execute_result", data={"text/plain": text}, execution_count=1)


def _nbgrader_grade(points, outputs):
    cell = _test("t", "", points=points)
    cell.outputs = outputs
    return determine_grade(cell)[0]


def test_an_error_scores_zero_with_its_message():
    assert score_outputs(2, [_error()]) == (0.0, "AssertionError: wrong shape")


def test_stderr_scores_zero_unless_the_ignore_pattern_matches():
    warning = _stderr("x.py:3: RuntimeWarning: divide by zero\n  y = 1 / x\n")
    score, message = score_outputs(2, [warning])
    assert score == 0.0 and message.strip() == "y = 1 / x"  # the last line of stderr
    assert score_outputs(2, [warning], ignore="RuntimeWarning") == (2.0, "")
    assert score_outputs(2, [_stderr("DeprecationWarning: old\n")], ignore="RuntimeWarning")[0] == 0.0


def test_a_number_is_partial_credit():
    assert score_outputs(2, [_result("0.5")]) == (0.5, "")
    assert score_outputs(2, [_result("0")])[0] == 0.0


def test_a_negative_number_scores_as_nbgrader_does():
    outputs = [_result("-1")]
    # nbgrader's get_partial_grade gives full marks (with a warning) for a negative result.
    assert _nbgrader_grade(2, outputs) == 2.0
    assert score_outputs(2, outputs)[0] == _nbgrader_grade(2, outputs)


def test_a_number_above_the_maximum_is_refused_by_nbgrader_and_scores_zero():
    with pytest.raises(ValueError):
        _nbgrader_grade(2, [_result("3")])
    score, message = score_outputs(2, [_result("3")])
    assert score == 0.0 and "nbgrader refuses" in message


def test_a_non_numeric_result_or_no_output_is_full_marks():
    assert score_outputs(2, [_result("'ok'")]) == (2.0, "")
    assert score_outputs(2, [new_output("stream", name="stdout", text="fine\n")]) == (2.0, "")
    assert score_outputs(2, []) == (2.0, "")


# ---------------------------------------------------------------- cases

CASE = '''\
"""Wrong: double adds one."""
# lose: test_double test_other
# keep: rest
import math


def double(v):
    return v + 1


def helper():
    return math.pi
'''


def _case_file(tmp_path, text=CASE, name="wrong_plus_one.py"):
    path = tmp_path / name
    path.write_text(text)
    return path


def test_parse_case_reads_doc_expectations_imports_and_functions(tmp_path):
    case = parse_case(_case_file(tmp_path))
    assert case["doc"] == "Wrong: double adds one."
    assert case["lose"] == ["test_double", "test_other"] and case["keep"] == ["rest"]
    assert case["imports"] == ["import math"]
    assert set(case["functions"]) == {"double", "helper"}
    assert case["functions"]["double"] == "def double(v):\n    return v + 1"


def test_apply_case_replaces_only_the_named_function_in_a_solution_cell():
    filled = new_notebook(cells=[
        new_code_cell("def double(v):\n    return 0"),  # not a solution cell: left alone
        _solution("double", "import numpy as np\n\n\ndef double(v):\n    return 2 * v\n\n\ndef keep():\n    return 1"),
    ])
    case = {"imports": ["import math"], "functions": {"double": "def double(v):\n    return v + 1"}}
    nb = apply_case(filled, case)
    assert nb.cells[0].source == "def double(v):\n    return 0"
    source = nb.cells[1].source
    assert source.startswith("import math\n")
    assert "return v + 1" in source and "return 2 * v" not in source
    assert "def keep():\n    return 1" in source and "import numpy as np" in source
    assert defined_functions(source) == {"double", "keep"}
    assert "return 2 * v" in filled.cells[1].source  # the input notebook is not changed


def test_apply_case_refuses_a_function_no_solution_cell_defines():
    filled = new_notebook(cells=[_solution("double", "def double(v):\n    return 2 * v")])
    with pytest.raises(AssertionError, match="nowhere|no solution cell"):
        apply_case(filled, {"imports": [], "functions": {"triple": "def triple(v):\n    return 3 * v"}})


def test_combine_cases_never_puts_two_cases_sharing_a_function_or_a_lost_cell_together():
    def case(functions, lose):
        return ("case", {"functions": dict.fromkeys(functions, ""), "lose": lose})

    cases = {
        "wrong_a": case(["f"], ["t1"]),
        "wrong_b": case(["f"], ["t2"]),      # shares f with a
        "wrong_c": case(["g"], ["t1"]),      # shares t1 with a
        "wrong_d": case(["h"], ["t3"]),      # fits with a
        "wrong_e": case(["k"], ["t4"]),
        "correct_x": case(["f"], []),        # another prefix: left out
    }
    groups = combine_cases(cases)
    assert sorted(s for g in groups for s in g) == ["wrong_a", "wrong_b", "wrong_c", "wrong_d", "wrong_e"]
    for group in groups:
        for i, one in enumerate(group):
            for other in group[i + 1:]:
                assert not set(cases[one][1]["functions"]) & set(cases[other][1]["functions"])
                assert not set(cases[one][1]["lose"]) & set(cases[other][1]["lose"])
    assert groups[0] == ["wrong_a", "wrong_d", "wrong_e"]  # largest first
    assert len(combine_cases(cases, most=1)) == 1
    assert combine_cases(cases, prefix="correct_") == [["correct_x"]]


def test_expectation_problems_checks_declarations_and_verdicts():
    ids = {"t1", "t2", "t3"}
    full = {gid: {"score": 1.0, "max": 1.0, "message": ""} for gid in ids}
    good = {"doc": "Wrong: t1 fails.", "lose": ["t1"], "keep": ["rest"]}
    verdicts = dict(full, t1={"score": 0.0, "max": 1.0, "message": "AssertionError"})
    assert expectation_problems("wrong_x", good, verdicts, ids) == []

    problems = expectation_problems("wrong_x", good, full, ids)
    assert problems == ["wrong_x: t1 should lose points, got 1/1"]
    lost_rest = dict(verdicts, t3={"score": 0.0, "max": 1.0, "message": "boom"})
    assert expectation_problems("wrong_x", good, lost_rest, ids) == [
        "wrong_x: t3 should keep full marks, got 0/1 (boom)"]

    bad = {"doc": "", "lose": [], "keep": ["t9"]}
    text = "\n".join(expectation_problems("wrong_y", bad, full, ids))
    for expected in ("docstring", "unknown grade_ids ['t9']", "must name the tests it fails"):
        assert expected in text
    assert "keeps `rest`" in "\n".join(expectation_problems(
        "correct_z", {"doc": "ok", "lose": [], "keep": ["t1"]}, full, ids))
    assert "no `# lose:` or `# keep:` line" in "\n".join(
        expectation_problems("other", {"doc": "ok", "lose": [], "keep": []}, full, ids))


def test_parse_case_of_a_real_submission_file(tmp_path):
    text = textwrap.dedent('''\
        """Correct: loops instead of numpy."""
        # keep: rest
        def f(values):
            return [v * 2 for v in values]
        ''')
    case = parse_case(_case_file(tmp_path, text, "correct_loops.py"))
    assert case["keep"] == ["rest"] and case["lose"] == [] and case["imports"] == []
    assert expectation_problems("correct_loops", case, {}, set()) == []
