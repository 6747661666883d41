"""The course's nbgrader configuration, checked through what nbgrader does with it.

Each test loads nbgrader_config.py as nbgrader's commands do (``Course(REPO).config``)
and runs the configured nbgrader piece on a small hand-made cell or notebook: no
kernel, no gradebook, no nbgrader command.
"""

import json
import shutil
import subprocess
import sys
from types import SimpleNamespace

import pytest
from nbformat.v4 import new_code_cell, new_notebook, new_output
from nbgrader.preprocessors import Execute, IgnorePattern, OverwriteCells
from nbgrader.utils import determine_grade
from traitlets.utils.importstring import import_item

from nnb_grading.course import BEGIN_HIDDEN, END_HIDDEN, Course, is_test_cell
from tests.harness.course import REPO

COURSE = Course(REPO)


def _test_cell(source="check()", outputs=(), points=2):
    cell = new_code_cell(source, metadata={"nbgrader": {
        "schema_version": 3, "grade_id": "test_f", "grade": True, "solution": False, "locked": True,
        "points": points}})
    cell.outputs = list(outputs)
    return cell


def test_course_folders_are_the_repositorys_and_every_lab_is_released():
    assert COURSE.coursedir.root == str(REPO)
    assert COURSE.source == REPO / "solutions" and COURSE.release == REPO / "notebooks"
    assert COURSE.labs, "no lab found in the source folder"
    for lab in COURSE.labs:
        assert COURSE.notebook_path(lab).is_file(), lab
        assert COURSE.notebook_path(lab, release=True).is_file(), f"{lab} has no release notebook"


def test_nbgraders_cell_timeout_is_the_courses_limit():
    execute = Execute(config=COURSE.config)
    assert execute.timeout == COURSE.limits.cell_seconds
    assert execute.timeout != Execute().timeout  # nbgrader's 30 s is too short for TensorFlow
    # TensorFlow takes 6-9 s to import here; allow a laptop several times slower, but a
    # student's infinite loop must still be stopped within a few minutes.
    assert 60 <= execute.timeout <= 600


_SHELL = """
import json, sys
from traitlets.config.loader import KVArgParseConfigLoader
from IPython.core.interactiveshell import InteractiveShell
shell = InteractiveShell(config=KVArgParseConfigLoader(argv=json.loads(sys.argv[1])).load_config())
shell.run_cell("def hidden_check():\\n    secret_expected = 41\\n    assert 42 == secret_expected, 'wrong'\\nhidden_check()")
"""


def test_kernel_tracebacks_do_not_show_the_hidden_tests_source():
    # The kernel's shell, with the arguments nbgrader's Execute gives it.
    arguments = Execute(config=COURSE.config).extra_arguments

    def traceback(args):
        proc = subprocess.run([sys.executable, "-c", _SHELL, json.dumps(args)], capture_output=True, text=True,
                              timeout=60)
        return proc.stdout + proc.stderr

    assert "secret_expected" in traceback([])        # IPython's default shows the source
    shown = traceback(arguments)
    assert "AssertionError" in shown and "wrong" in shown
    assert "secret_expected" not in shown and "hidden_check" not in shown


def test_a_runtime_warning_on_stderr_does_not_fail_a_test_cell():
    warning = new_output("stream", name="stderr", text="lab.py:3: RuntimeWarning: overflow in exp\n")
    other = new_output("stream", name="stderr", text="DeprecationWarning: old api\n")
    ignore = IgnorePattern(config=COURSE.config)

    cell, _ = ignore.preprocess_cell(_test_cell(outputs=[warning, other]), {}, 0)
    assert cell.outputs == [other]
    assert determine_grade(cell)[0] == 0

    cell, _ = ignore.preprocess_cell(_test_cell(outputs=[warning]), {}, 0)
    assert cell.outputs == []
    assert determine_grade(cell)[0] == 2
    assert IgnorePattern().preprocess_cell(_test_cell(outputs=[warning]), {}, 0)[0].outputs == [warning]


def test_feedback_does_not_show_hidden_tests():
    configured = [import_item(name) for name in COURSE.config.GenerateFeedback.preprocessors]
    visible = "assert f(1) == 1"
    hidden = "assert f(2) == 4  # the hidden case"
    nb = new_notebook(cells=[_test_cell(f"{visible}\n{BEGIN_HIDDEN}\n{hidden}\n{END_HIDDEN}")])
    ran = 0
    for cls in configured:
        if cls.__name__ == "ClearHiddenTests":
            nb, _ = cls(config=COURSE.config).preprocess(nb, {})
            ran += 1
    assert ran == 1, "the feedback has no ClearHiddenTests step"
    assert nb.cells[0].source == visible


def test_a_deleted_test_cell_is_put_back_as_a_graded_test_cell():
    overwrite = OverwriteCells(config=COURSE.config)
    assert overwrite.add_missing_cells   # nbgrader's default would score the cell 0, silently
    # What nbgrader inserts for a test cell missing from a submission (the gradebook's copy).
    source = SimpleNamespace(name="test_f", cell_type="code", locked=True, checksum="abc",
                             source="assert f(1) == 1")
    cell = overwrite.missing_cell_transform(source, 2.0)
    assert is_test_cell(cell)
    meta = cell["metadata"]["nbgrader"]
    assert meta["grade_id"] == "test_f" and meta["points"] == 2.0
    assert cell.source.splitlines()[-1] == "assert f(1) == 1"


def test_layout():
    for name in ("notebooks", "solutions", "nblib", "data", "tests", "benchmarks", "environment.yml",
                 "README.md", "Makefile", "pyproject.toml", "nbgrader_config.py", ".ci/run",
                 "data/README.md", "LICENSE", "LICENSE-CONTENT"):
        assert (REPO / name).exists(), f"{name} is missing"
    # The pinned requirements: a requirements/ folder (or the older single file).
    assert (REPO / "requirements").is_dir() and not (REPO / "requirements.txt").exists()


@pytest.mark.skipif(shutil.which("git") is None or not (REPO / ".git").exists(), reason="needs git and a checkout")
def test_student_data_and_local_environments_are_git_ignored():
    paths = ["submitted/alice/01-regression/01-regression.ipynb", "autograded/alice/x.ipynb",
             "feedback/alice/x.html", "gradebook.db", ".venv/bin/python", "reports/01-regression/class-report.md"]
    proc = subprocess.run(["git", "check-ignore", "--no-index", *paths], cwd=REPO, capture_output=True, text=True)
    assert proc.stdout.split() == paths
    kept = ["solutions/01-regression/01-regression.ipynb", "nbgrader_config.py"]
    proc = subprocess.run(["git", "check-ignore", "--no-index", *kept], cwd=REPO, capture_output=True, text=True)
    assert proc.returncode == 1 and proc.stdout == ""
