"""The course on disk: labs, notebooks, nbgrader metadata, and running nbgrader.

Used by the test suite (tests/), the benchmark (benchmarks/bench.py) and the grading
matrix (tools/matrix.py).
"""

import ast
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat

from nblib.runtime import TENSORFLOW_ENV

REPO = Path(__file__).resolve().parent.parent
SOLUTIONS = REPO / "solutions"
RELEASE = REPO / "notebooks"
SUBMISSIONS = REPO / "tests" / "submissions"
BIN = Path(sys.executable).parent

LABS = sorted(p.name for p in SOLUTIONS.iterdir() if p.is_dir() and re.match(r"\d\d-", p.name))

BEGIN_SOLUTION = "### BEGIN SOLUTION"
END_SOLUTION = "### END SOLUTION"
BEGIN_HIDDEN = "### BEGIN HIDDEN TESTS"
END_HIDDEN = "### END HIDDEN TESTS"

# Python-level network access fails inside every kernel and nbgrader process the
# tests start, so a notebook that tries to download something fails loudly. (ZeroMQ,
# which the kernel uses to talk to its client on loopback, does not go through
# Python's socket module.)
_OFFLINE_SITECUSTOMIZE = '''
import socket as _socket

_connect = _socket.socket.connect


def _offline_connect(self, address, *args, **kwargs):
    host = address[0] if isinstance(address, tuple) else address
    if self.family in (_socket.AF_INET, _socket.AF_INET6) and host not in (
            "127.0.0.1", "::1", "localhost"):
        raise OSError("network access is disabled in the course tests: " + repr(address))
    return _connect(self, address, *args, **kwargs)


_socket.socket.connect = _offline_connect
'''


# Appended to a course's nbgrader_config.py: nbgrader's own autograding steps, i.e. the
# course without its seal (to show what plain nbgrader does, and to time it).
PLAIN_NBGRADER = '''
# nbgrader's own defaults: what the course would do without its seal.
c.Autograde.sanitize_preprocessors = [
    "nbgrader.preprocessors.ClearOutput", "nbgrader.preprocessors.DeduplicateIds",
    "nbgrader.preprocessors.OverwriteKernelspec", "nbgrader.preprocessors.OverwriteCells",
    "nbgrader.preprocessors.CheckCellMetadata"]
c.Autograde.autograde_preprocessors = [
    "nbgrader.preprocessors.Execute", "nbgrader.preprocessors.IgnorePattern",
    "nbconvert.preprocessors.ClearMetadataPreprocessor", "nbgrader.preprocessors.LimitOutput",
    "nbgrader.preprocessors.SaveAutoGrades", "nbgrader.preprocessors.AssignLatePenalties",
    "nbgrader.preprocessors.CheckCellMetadata"]
'''


def notebook_path(lab, release=False):
    return (RELEASE if release else SOLUTIONS) / lab / f"{lab}.ipynb"


def read(path):
    return nbformat.read(str(path), as_version=4)


def nbgrader_meta(cell):
    return cell.get("metadata", {}).get("nbgrader", {})


def graded_cells(nb):
    """Graded test cells (grade=True, solution=False), in notebook order."""
    return [c for c in nb.cells if nbgrader_meta(c).get("grade") and not nbgrader_meta(c).get("solution")]


def solution_cells(nb):
    return [c for c in nb.cells if nbgrader_meta(c).get("solution")]


def marked_blocks(source, begin, end):
    """Lines strictly between each begin/end marker pair."""
    blocks, current = [], None
    for line in source.splitlines():
        if begin in line:
            current = []
        elif end in line:
            if current is not None:
                blocks.append(current)
            current = None
        elif current is not None:
            current.append(line)
    return blocks


def defined_functions(source):
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return set()
    return {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}


def course_env(tmp_home):
    """Environment for nbgrader and kernels: venv first on PATH, quiet TF, offline."""
    tmp_home = Path(tmp_home)
    site = tmp_home / "offline-site"
    site.mkdir(parents=True, exist_ok=True)
    (site / "sitecustomize.py").write_text(_OFFLINE_SITECUSTOMIZE)
    env = dict(os.environ)
    env.update(TENSORFLOW_ENV)
    env.update({
        "PATH": f"{BIN}{os.pathsep}{env.get('PATH', '')}",
        "KERAS_HOME": str(tmp_home / "keras"),
        "MPLCONFIGDIR": str(tmp_home / "mpl"),
        "MPLBACKEND": "Agg",
        "PYTHONPATH": os.pathsep.join(filter(None, [str(site), env.get("PYTHONPATH")])),
        "PYDEVD_DISABLE_FILE_VALIDATION": "1",
    })
    return env


def execute_notebook(path, home, allow_errors=True, timeout=300):
    """Run a notebook top to bottom in a fresh kernel from its own folder, offline.

    Errors are kept as outputs (``allow_errors``) so that one run reports every
    failing cell; returns the executed notebook.
    """
    import nbclient

    nb = read(path)
    client = nbclient.NotebookClient(
        nb, timeout=timeout, kernel_name="python3", store_widget_state=True, allow_errors=allow_errors,
        resources={"metadata": {"path": str(Path(path).parent)}})
    client.execute(env=course_env(home))
    return nb


def run_nbgrader(args, course, env, check=True):
    """Run an nbgrader command in a course folder, as an instructor would."""
    proc = subprocess.run(
        [str(BIN / "nbgrader"), *args], cwd=course, env=env, capture_output=True, text=True)
    if check and proc.returncode != 0:
        raise AssertionError(
            f"nbgrader {' '.join(args)} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    return proc


def make_course(dest, labs):
    """A throw-away course folder: the config plus the given labs' sources."""
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "nbgrader_config.py", dest / "nbgrader_config.py")
    for lab in labs:
        shutil.copytree(SOLUTIONS / lab, dest / "solutions" / lab)
    return dest

def fill_solutions(release_nb, solution_nb):
    """The release with every solution cell holding the instructor's code."""
    by_id = {nbgrader_meta(c)["grade_id"]: c.source for c in solution_cells(solution_nb)}
    nb = nbformat.from_dict(json.loads(json.dumps(release_nb)))
    for cell in solution_cells(nb):
        src = by_id[nbgrader_meta(cell)["grade_id"]]
        lines = [l for l in src.splitlines() if BEGIN_SOLUTION not in l and END_SOLUTION not in l]
        cell.source = "\n".join(lines)
    return nb
