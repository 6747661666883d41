"""Grade a whole class in one command: sealed, in parallel, with a report.

    nnb-grade <lab> [--course DIR] [--workers N] [--engine processes|dask]
                    [--scheduler ADDRESS] [--student ID ...] [--force]

Every ``submitted/<student>/<lab>/`` is graded by ``nnb_grading.sealed.grade_submission``
(nbgrader autograde with the kernel in the sandbox), so the gradebook, ``autograded/``
and everything Formgrader, ``nbgrader generate_feedback`` and ``nbgrader export`` use
are laid out exactly as by ``nbgrader autograde``.

Engines:

``processes`` (default)
    A pool of worker processes on this machine, one per core unless ``--workers``.
``dask``
    Dask distributed: a local cluster of worker processes by default, or an existing
    cluster with ``--scheduler tcp://host:8786``. Workers on other machines need the
    course folder at the same path (a shared file system) and a gradebook many
    writers can share: set ``c.CourseDirectory.db_url`` to a PostgreSQL URL in
    ``nbgrader_config.py``.

A progress bar on stderr shows done/total, failures so far and an estimate of the time
left; one summary line ends the run. ``reports/<lab>/`` then holds the class report
(``class-report.md`` with ``scores.png``, written by ``nnb_grading.report``) and one
integrity report per student.

Used by ``make grade``, ``tests/test_class_grading.py`` and ``benchmarks/bench.py``.
"""

import argparse
import json
import os
import sys
import time
from pathlib import Path

from nnb_grading.course import Course
from nnb_grading.report import summary_line, write_class_report


# Math libraries' thread pools: the kernel of each worker gets a share of the cores, so
# that kernels graded side by side do not fight over them (TensorFlow, OpenMP, BLAS).
THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
                    "TF_NUM_INTRAOP_THREADS", "TF_NUM_INTEROP_THREADS")


def _grade_one(course, lab, student, limits, threads=None):
    # In a worker: one submission; a failure becomes a summary, never an exception.
    from nnb_grading.sealed import grade_submission
    if threads:
        os.environ.update({name: str(threads) for name in THREAD_VARIABLES})  # the kernel inherits them
    try:
        return grade_submission(course, lab, student, limits)
    except Exception as error:  # noqa: BLE001  (the class must go on)
        return {"student": student, "lab": lab, "ok": False, "error": f"{type(error).__name__}: {error}",
                "score": None, "max_score": None, "cells": {}, "flags": [], "notes": [], "review": True,
                "seconds": 0.0}


def _prepare_gradebook(course, lab):
    # Created and migrated once, before workers write to it at the same time.
    from nbgrader.api import Gradebook
    config = Course(course).config
    with Gradebook(config.CourseDirectory.db_url, config.CourseDirectory.course_id) as gb:
        gb.find_assignment(lab)  # raises if the lab was never generated


class Progress:
    """done/total, failures and time left on one line of stderr."""

    def __init__(self, total, stream=sys.stderr, width=30):
        self.total, self.stream, self.width = total, stream, width
        self.done = self.failed = 0
        self.start = time.monotonic()
        self.draw()

    def update(self, summary):
        self.done += 1
        self.failed += 0 if summary.get("ok") else 1
        self.draw()

    def draw(self):
        elapsed = time.monotonic() - self.start
        left = elapsed / self.done * (self.total - self.done) if self.done else None
        filled = int(self.width * self.done / max(self.total, 1))
        eta = "--:--" if left is None else f"{int(left // 60):02d}:{int(left % 60):02d}"
        self.stream.write(f"\r[{'#' * filled}{'.' * (self.width - filled)}] {self.done}/{self.total} graded, "
                          f"{self.failed} failed, ETA {eta} ")
        if self.done == self.total:
            self.stream.write("\n")
        self.stream.flush()


def _run_processes(jobs, workers, on_done):
    from concurrent.futures import ProcessPoolExecutor, as_completed
    import multiprocessing
    # fork: the grader has imported no TensorFlow, and workers start in milliseconds,
    # with nbgrader already imported (seconds each otherwise).
    import nnb_grading.sealed  # noqa: F401
    from nbgrader.apps import NbGraderAPI  # noqa: F401
    context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        futures = [pool.submit(_grade_one, *job) for job in jobs]
        for future in as_completed(futures):
            on_done(future.result())


def _run_dask(jobs, workers, on_done, scheduler=None):
    from dask.distributed import Client, LocalCluster, as_completed
    cluster = None
    if scheduler is None:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=40)
    client = Client(scheduler or cluster)
    try:
        # pure=False: grading the same student twice must run twice.
        futures = [client.submit(_grade_one, *job, pure=False) for job in jobs]
        for future in as_completed(futures):
            on_done(future.result())
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def grade_class(course, lab, students=None, workers=None, engine="processes", scheduler=None,
                limits=None, progress=True, force=False):
    """Grade every submission of ``lab``; write the reports; return the summaries by student.

    A submission already graded since it was handed in (a run that was stopped and
    started again) is not graded again unless ``force``.
    """
    course = str(Path(course).resolve())
    students = Course(course).students(lab) if students is None else list(students)
    skipped = [s for s in students if not force and already_graded(course, lab, s)]
    workers = max(1, min(workers or default_workers(), len(students) - len(skipped) or 1))
    # Several kernels at once on this machine: each gets its share of the cores.
    threads = max(1, (os.cpu_count() or 1) // workers) if workers > 1 and not scheduler else None
    jobs = [(course, lab, student, limits, threads) for student in students if student not in skipped]
    _prepare_gradebook(course, lab)
    start = time.monotonic()
    bar = Progress(len(jobs)) if progress else None
    results = {}

    def on_done(summary):
        results[summary["student"]] = summary
        if bar:
            bar.update(summary)

    if engine == "dask":
        _run_dask(jobs, workers, on_done, scheduler)
    elif workers == 1:
        for job in jobs:
            on_done(_grade_one(*job))
    else:
        _run_processes(jobs, workers, on_done)
    seconds = time.monotonic() - start
    write_class_report(course, lab, seconds=seconds)
    line = summary_line(results, seconds)
    if skipped:
        line += f"; {len(skipped)} already graded, not redone (--force redoes them)"
    return results, line


def default_workers():
    """One worker per core (see benchmarks/bench.py for the measurements behind it)."""
    return os.cpu_count() or 1


def already_graded(course, lab, student):
    """Graded by the seal since the notebook was handed in (its report says so, and is newer)."""
    from nnb_grading.sealed import report_path
    report, folder = report_path(course, lab, student), Course(course).submission_folder(student, lab)
    if not report.exists():
        return False
    try:
        done = json.loads(report.read_text(encoding="utf-8"))
    except ValueError:
        return False
    handed_in = max((p.stat().st_mtime for p in folder.rglob("*") if p.is_file()), default=0)
    return bool(done.get("ok")) and done.get("score") is not None and report.stat().st_mtime > handed_in


def main(argv=None):
    parser = argparse.ArgumentParser(description="Grade every submission of a lab, sealed and in parallel.")
    parser.add_argument("lab")
    parser.add_argument("--course", default=".", help="the nbgrader course folder (default: here)")
    parser.add_argument("--workers", type=int, default=None, help="parallel workers (default: one per core)")
    parser.add_argument("--engine", choices=("processes", "dask"), default="processes")
    parser.add_argument("--scheduler", default=None, help="address of a running Dask scheduler")
    parser.add_argument("--student", action="append", help="grade only these students (repeatable)")
    parser.add_argument("--force", action="store_true", help="grade again what is already graded")
    args = parser.parse_args(argv)
    limits = None  # the course's nbgrader_config.py sets them (SealedExecute, Execute.timeout)
    results, line = grade_class(args.course, args.lab, args.student, args.workers, args.engine, args.scheduler,
                                limits, force=args.force)
    print(line)
    print(f"report: {Course(args.course).reports / args.lab / 'class-report.md'}")
    return 0 if all(r["ok"] for r in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
