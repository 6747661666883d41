"""The course model: one definition of the course folder, its cells and its limits.

Everything else in ``nnb_grading`` asks this module

- **where things are**: :class:`Course` reads the course's ``nbgrader_config.py`` as
  nbgrader's own commands do (traitlets) and takes its folders from nbgrader's
  ``CourseDirectory`` (``source_directory``, ``release_directory``,
  ``submitted_directory``...), so a course that renames them is still found;
- **what a cell is**: a *test cell* is a graded code cell that is not a solution
  (:func:`is_test_cell`), a *solution cell* one nbgrader marks as a solution, both by
  nbgrader's own ``is_grade`` / ``is_solution``;
- **the limits** of a submission's kernel: :class:`Limits` holds their defaults, the
  course configuration may override them (``c.SealedExecute.<name>``; the per-cell time
  limit is nbgrader's ``c.Execute.timeout``), and :meth:`Course.limits` is what every
  grader uses.
"""

import dataclasses
import json
import re
from functools import cached_property
from pathlib import Path

import nbformat
from nbgrader.utils import is_grade, is_solution
from traitlets.config import Config
from traitlets.config.loader import PyFileConfigLoader

BEGIN_SOLUTION = "### BEGIN SOLUTION"
END_SOLUTION = "### END SOLUTION"
BEGIN_HIDDEN = "### BEGIN HIDDEN TESTS"
END_HIDDEN = "### END HIDDEN TESTS"
LAB_ID = re.compile(r"\d\d-")


@dataclasses.dataclass(frozen=True)
class Limits:
    """Resource limits of one submission's kernel (the defaults of every grader).

    Each limit hit fails the cell that hit it, with the reason in its output; the rest
    of the notebook and the rest of the class are still graded.
    """

    memory_mb: int = 6144        # address space (TensorFlow maps about 2.5 GB on import)
    cpu_seconds: int = 900       # CPU time of the whole kernel
    cell_seconds: int = 180      # wall time per cell (nbgrader's Execute.timeout)
    total_seconds: int = 1200    # wall time of the whole notebook; later cells are not run
    file_mb: int = 64            # largest file the kernel may write
    output_kb: int = 1024        # text and pictures one cell may print
    processes: int = 1024        # threads count: TensorFlow starts dozens
    open_files: int = 1024

    # The limits a course may set in nbgrader_config.py as c.SealedExecute.<name>.
    CONFIGURABLE = ("memory_mb", "cpu_seconds", "total_seconds", "file_mb", "output_kb")

    @classmethod
    def from_config(cls, config):
        """The limits a loaded nbgrader configuration asks for (defaults where silent)."""
        values = {name: int(config.SealedExecute[name]) for name in cls.CONFIGURABLE
                  if name in config.SealedExecute}
        if "timeout" in config.Execute:
            values["cell_seconds"] = int(config.Execute.timeout)
        return cls(**values)

    def prlimit_args(self):
        return [f"--as={self.memory_mb << 20}", f"--cpu={self.cpu_seconds}",
                f"--fsize={self.file_mb << 20}", f"--nproc={self.processes}",
                f"--nofile={self.open_files}"]


# ---------------------------------------------------------------- cells

def nbgrader_meta(cell):
    return cell.get("metadata", {}).get("nbgrader", {})


def is_test_cell(cell):
    """A graded code cell that is not a solution: nbgrader's autograded test cell."""
    return cell.get("cell_type") == "code" and "metadata" in cell \
        and bool(is_grade(cell)) and not is_solution(cell)


def is_solution_cell(cell):
    return "metadata" in cell and bool(is_solution(cell))


def graded_cells(nb):
    """Test cells, in notebook order."""
    return [c for c in nb.cells if is_test_cell(c)]


def solution_cells(nb):
    return [c for c in nb.cells if is_solution_cell(c)]


def read(path):
    return nbformat.read(str(path), as_version=4)


def copy_notebook(nb):
    return nbformat.from_dict(json.loads(json.dumps(nb)))


def fill_solutions(release_nb, solution_nb):
    """The release with every solution cell holding the instructor's code."""
    by_id = {nbgrader_meta(c)["grade_id"]: c.source for c in solution_cells(solution_nb)}
    nb = copy_notebook(release_nb)
    for cell in solution_cells(nb):
        src = by_id[nbgrader_meta(cell)["grade_id"]]
        lines = [line for line in src.splitlines() if BEGIN_SOLUTION not in line and END_SOLUTION not in line]
        cell.source = "\n".join(lines)
    return nb


def run_notebook(path, env=None, allow_errors=True, timeout=300):
    """Run a notebook top to bottom in a fresh kernel from its own folder.

    Errors are kept as outputs (``allow_errors``) so that one run reports every
    failing cell; returns the executed notebook.
    """
    import nbclient

    nb = read(path)
    client = nbclient.NotebookClient(
        nb, timeout=timeout, kernel_name="python3", store_widget_state=True, allow_errors=allow_errors,
        resources={"metadata": {"path": str(Path(path).parent)}})
    client.execute(env=env)
    return nb


# ---------------------------------------------------------------- configuration

def course_config(course_root):
    """The course's nbgrader_config.py, as nbgrader's own commands read it."""
    config = Config()
    path = Path(course_root) / "nbgrader_config.py"
    if path.exists():
        config.merge(PyFileConfigLoader(path.name, path=str(path.parent)).load_config())
    config.CourseDirectory.root = str(Path(course_root).resolve())
    return config


class Course:
    """A course folder as nbgrader sees it (``root`` holds ``nbgrader_config.py``)."""

    def __init__(self, root="."):
        self.root = Path(root).resolve()

    @cached_property
    def config(self):
        return course_config(self.root)

    @cached_property
    def coursedir(self):
        from nbgrader.coursedir import CourseDirectory
        return CourseDirectory(config=self.config)

    # nbgrader's folders, wherever the course's config puts them.
    source = property(lambda self: self._folder("source_directory"), doc="instructor sources (solutions/)")
    release = property(lambda self: self._folder("release_directory"), doc="the student release (notebooks/)")
    submitted = property(lambda self: self._folder("submitted_directory"), doc="collected submissions")
    autograded = property(lambda self: self._folder("autograded_directory"), doc="autograded copies")

    def _folder(self, trait):
        return Path(self.coursedir.root) / getattr(self.coursedir, trait)

    @property
    def reports(self):
        """The course's own output: class reports and integrity reports, per lab."""
        return self.root / "reports"

    @property
    def cases(self):
        """Course authors' test submissions, one folder per lab (see ``matrix``)."""
        return self.root / "tests" / "submissions"

    @property
    def labs(self):
        if not self.source.is_dir():
            return []
        return sorted(p.name for p in self.source.iterdir() if p.is_dir() and LAB_ID.match(p.name))

    def notebook_path(self, lab, release=False):
        return (self.release if release else self.source) / lab / f"{lab}.ipynb"

    def submission_folder(self, student, lab):
        return self.submitted / student / lab

    def students(self, lab):
        """Students with a submission folder for ``lab``, sorted."""
        if not self.submitted.is_dir():
            return []
        return sorted(p.name for p in self.submitted.iterdir() if (p / lab).is_dir())

    @property
    def limits(self):
        return Limits.from_config(self.config)

    @property
    def ignore_pattern(self):
        """nbgrader's IgnorePattern regular expression, or "" when it is off."""
        ip = self.config.IgnorePattern
        return str(ip.get("pattern", "")) if ip.get("enabled", False) else ""
