"""nbgrader configuration and repository layout."""

from traitlets.config.loader import PyFileConfigLoader
from tools.course import REPO


def _config():
    return PyFileConfigLoader("nbgrader_config.py", path=str(REPO)).load_config()


def test_course_directories():
    c = _config()
    assert c.CourseDirectory.source_directory == "solutions"
    assert c.CourseDirectory.release_directory == "notebooks"
    assert c.CourseDirectory.root == str(REPO)


def test_timeout_allows_a_slow_tensorflow_import_but_stops_loops():
    c = _config()
    # TensorFlow takes 6-9 s to import here; allow a laptop several times slower, but a
    # student's infinite loop must still be stopped within a few minutes.
    assert 60 <= c.Execute.timeout <= 600


def test_feedback_strips_hidden_tests_and_tracebacks_are_short():
    c = _config()
    assert any("ClearHiddenTests" in p for p in c.GenerateFeedback.preprocessors)
    assert "--InteractiveShell.xmode=Minimal" in c.Execute.extra_arguments


def test_runtime_warnings_do_not_fail_a_test_cell():
    c = _config()
    assert c.IgnorePattern.enabled and "RuntimeWarning" in c.IgnorePattern.pattern


def test_layout_and_ignores():
    for name in ("notebooks", "solutions", "nblib", "data", "tests", "benchmarks", "environment.yml",
                 "README.md", "Makefile", "pyproject.toml", "nbgrader_config.py", ".ci/run",
                 "requirements.txt", "data/README.md", "LICENSE", "LICENSE-CONTENT"):
        assert (REPO / name).exists(), f"{name} is missing"
    ignored = (REPO / ".gitignore").read_text().split()
    for name in ("submitted/", "autograded/", "feedback/", "gradebook.db", ".venv/"):
        assert name in ignored


def test_deleted_test_cells_are_put_back():
    assert _config().OverwriteCells.add_missing_cells is True
