"""Test harness: the repository's course, and running notebooks and nbgrader offline.

The course model itself (cells, paths, limits) is ``nnb_grading.course``; this module
binds it to this repository and adds what the tests, the benchmarks and the claims need
around it: an offline environment for kernels and nbgrader, a throw-away course folder.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

from nblib.runtime import TENSORFLOW_ENV
from nnb_grading.course import (  # noqa: F401  (re-exported for the tests)
    BEGIN_HIDDEN, BEGIN_SOLUTION, END_HIDDEN, END_SOLUTION, Course, fill_solutions, run_notebook, graded_cells,
    nbgrader_meta, read, solution_cells,
)

REPO = Path(__file__).resolve().parents[2]
COURSE = Course(REPO)
SOLUTIONS = COURSE.source
RELEASE = COURSE.release
SUBMISSIONS = COURSE.cases
BIN = Path(sys.executable).parent
LABS = COURSE.labs


def notebook_path(lab, release=False):
    return COURSE.notebook_path(lab, release)


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
    """Run a notebook top to bottom in a fresh kernel from its own folder, offline."""
    return run_notebook(path, env=course_env(home), allow_errors=allow_errors, timeout=timeout)


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



def command(name):
    """The path of one of the course's console scripts (``nnb-grade``...) in this environment."""
    return str(BIN / name)
