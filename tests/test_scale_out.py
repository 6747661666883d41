"""Past one machine, with the real engines: a PostgreSQL gradebook and a Dask cluster
started with Dask's own command-line programs, plus the faults a class run meets.

* A throw-away PostgreSQL cluster (``initdb``, ``pg_ctl`` on a free port, 127.0.0.1
  only) holds the gradebook; a ``dask scheduler`` and two ``dask worker`` processes
  (127.0.0.1 only) grade a class of lab 02 through ``make grade ENGINE=dask
  SCHEDULER=...``. One worker is killed in the middle of the run. Every grade must equal
  serial ``nbgrader autograde``'s, cell by cell, and every submission must be in the
  gradebook exactly once.
* On the local engine, a grading run killed half-way and started again resumes: the
  submissions already graded are not graded again, the rest are, and the grades again
  equal serial nbgrader's.

Skipped, with the reason, where PostgreSQL's server programs, psycopg or Dask's
command-line programs are missing (`.ci/run` installs Debian's postgresql).
"""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

from tests.harness import course as C
from tests.harness.servers import free_ports, postgres_bin, postgres_server
from nnb_grading.matrix.cases import apply_case, case_files, parse_case

pytestmark = pytest.mark.slow

LAB = "02-perceptron"
PICK = ["correct_loops", "wrong_step_strict_inequality", "wrong_xor_network_or_only",
        "wrong_sigmoid_neuron_no_bias", "wrong_train_perceptron_no_reset", "wrong_perceptron_update_sign"]


def _missing():
    if postgres_bin() is None:
        return "PostgreSQL's server programs (initdb, pg_ctl) are not installed: apt-get install postgresql"
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg is not installed (requirements/instructor.txt pins it)"
    if not (Path(sys.executable).parent / "dask").exists():
        return "Dask's command-line program `dask` is not installed (requirements/instructor.txt pins distributed)"
    return None


needs_engines = pytest.mark.skipif(_missing() is not None, reason=_missing() or "")


@pytest.fixture(scope="module")
def postgres():
    with postgres_server() as url:
        yield url


def _class(base, name, env, db_url=None):
    """A course folder with lab 02 generated and one submission per picked case (and the blank release)."""
    course = C.make_course(base / name, [LAB])
    if db_url:
        with open(course / "nbgrader_config.py", "a") as fh:
            fh.write(f"\nc.CourseDirectory.db_url = {db_url!r}\n")
    C.run_nbgrader(["generate_assignment", LAB, "--force"], course, env)
    release = C.read(course / "notebooks" / LAB / f"{LAB}.ipynb")
    filled = C.fill_solutions(release, C.read(C.notebook_path(LAB)))
    cases = {p.stem: parse_case(p) for p in case_files(LAB, C.REPO)}
    students = {"blank": release, **{n.replace("_", "-"): apply_case(filled, cases[n]) for n in PICK}}
    for student, nb in students.items():
        folder = course / "submitted" / student / LAB
        folder.mkdir(parents=True)
        nbformat.write(nb, str(folder / f"{LAB}.ipynb"))
    return course, sorted(students)


def _gradebook(db_url):
    """{(student, cell): score}, and the number of submission rows per student."""
    from nbgrader.api import Gradebook
    scores, rows = {}, {}
    with Gradebook(db_url, "nn-basics") as gb:
        for sub in gb.find_assignment(LAB).submissions:
            rows[sub.student.id] = rows.get(sub.student.id, 0) + 1
            notebook = gb.find_submission_notebook(LAB, LAB, sub.student.id)
            scores.update({(sub.student.id, g.name): g.score for g in notebook.grades if g.max_score})
    return scores, rows


@pytest.fixture(scope="module")
def serial(tmp_path_factory):
    """The reference: serial `nbgrader autograde` (the course's own, sealed) on SQLite."""
    base = tmp_path_factory.mktemp("scale")
    env = C.course_env(base / "home")
    course, students = _class(base, "serial", env)
    C.run_nbgrader(["autograde", LAB, "--force"], course, env)
    scores, rows = _gradebook(f"sqlite:///{course / 'gradebook.db'}")
    assert set(rows) == set(students)
    return base, env, scores


def _wait_for_reports(course, n, proc, timeout=600):
    folder = course / "reports" / LAB / "integrity"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        if folder.is_dir() and len(list(folder.glob("*.json"))) >= n:
            return True
        time.sleep(0.2)
    return False


def _start(cmd, env, log, cwd=C.REPO):
    with open(log, "w") as out:
        return subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)


def _kill(proc):
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


@needs_engines
def test_dask_cluster_and_postgresql_gradebook(serial, postgres):
    base, env, reference = serial
    course, students = _class(base, "cluster", env, db_url=postgres)
    dask = str(Path(sys.executable).parent / "dask")
    (port,) = free_ports(1)
    address = f"tcp://127.0.0.1:{port}"
    procs = [_start([dask, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
                    env, base / "scheduler.log")]
    try:
        for k in (1, 2):
            procs.append(_start([dask, "worker", address, "--nthreads", "1", "--host", "127.0.0.1",
                                 "--no-dashboard", "--no-nanny", "--name", f"grader-{k}"], env, base / f"worker{k}.log"))
        from distributed import Client
        with Client(address, timeout=60) as client:
            client.wait_for_workers(2, timeout=120)
        grade = _start(["make", "-o", ".venv/.installed-instructor", "grade", f"LAB={LAB}", "ENGINE=dask",
                        f"SCHEDULER={address}", f"COURSE={course}"], env, base / "grade.log")
        # One grading machine fails in the middle of the run.
        assert _wait_for_reports(course, 2, grade), (base / "grade.log").read_text()[-3000:]
        _kill(procs[1])
        assert grade.wait(timeout=900) == 0, (base / "grade.log").read_text()[-3000:]
    finally:
        for proc in procs[::-1]:
            _kill(proc)
    log = (base / "grade.log").read_text()
    assert f"graded {len(students)}/{len(students)}" in log, log[-3000:]
    scores, rows = _gradebook(postgres)
    assert rows == {s: 1 for s in students}, f"submissions lost or doubled in the gradebook: {rows}"
    assert scores == reference, "per-cell grades differ from serial nbgrader autograde"


def test_local_engine_resumes_after_being_killed(serial):
    base, env, reference = serial
    course, students = _class(base, "resume", env)
    cmd = [C.command("nnb-grade"), LAB, "--course", str(course), "--workers", "2"]
    first = _start(cmd, env, base / "first.log")
    assert _wait_for_reports(course, 2, first), (base / "first.log").read_text()[-3000:]
    _kill(first)
    done_before = {p.stem: p.stat().st_mtime for p in (course / "reports" / LAB / "integrity").glob("*.json")
                   if json.loads(p.read_text()).get("ok")}
    assert done_before and len(done_before) < len(students), f"kill came too late or too early: {done_before}"
    proc = subprocess.run(cmd, cwd=C.REPO, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr[-3000:]
    assert f"{len(done_before)} already graded, not redone" in proc.stdout, proc.stdout
    for student, mtime in done_before.items():
        report = course / "reports" / LAB / "integrity" / f"{student}.json"
        assert report.stat().st_mtime == mtime, f"{student} was graded again"
    scores, rows = _gradebook(f"sqlite:///{course / 'gradebook.db'}")
    assert rows == {s: 1 for s in students}, f"submissions lost or doubled: {rows}"
    assert scores == reference, "per-cell grades differ from serial nbgrader autograde"
    report = (course / "reports" / LAB / "class-report.md").read_text(encoding="utf-8")
    assert f"graded {len(students)}/{len(students)}" in report, report[:500]
