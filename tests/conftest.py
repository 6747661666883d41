"""Shared fixtures: figures are drawn off screen and closed after every test; each lab's
instructor solution is executed once per test run, whichever tests need it."""

import fcntl
import os

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import nbformat  # noqa: E402
import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


@pytest.fixture(scope="session")
def executed_solution(tmp_path_factory):
    """lab -> the solution notebook executed top to bottom (errors kept as outputs).

    The claims test and the nbgrader agreement test both read a plain run of each
    solution; under pytest-xdist the first worker to ask runs it and the others wait
    for the file (a lock per lab in the run's shared temporary folder).
    """
    from tests.harness.course import execute_notebook, notebook_path

    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    cache = shared / "executed-solutions"
    cache.mkdir(exist_ok=True)

    def get(lab):
        done = cache / f"{lab}.ipynb"
        with open(cache / f"{lab}.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                if not done.exists():
                    nb = execute_notebook(notebook_path(lab), cache / f"home-{lab}")
                    nbformat.write(nb, str(done.with_suffix(".tmp")))
                    done.with_suffix(".tmp").rename(done)
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)
        return nbformat.read(str(done), as_version=4)

    return get
