"""Grade a whole class in one command: sealed, in parallel, with a report.

    python -m tools.grade <lab> [--course DIR] [--workers N] [--engine processes|dask]
                                [--scheduler ADDRESS] [--student ID ...]

Every ``submitted/<student>/<lab>/`` is graded by ``tools.sealed.grade_submission``
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
(``class-report.md`` with ``scores.png``) and one integrity report per student.

Used by ``make grade``, ``tests/test_class_grading.py`` and ``benchmarks/bench.py``.
"""

import argparse
import collections
import json
import os
import sys
import time
from pathlib import Path

import nbformat

from tools.sanitise import md_code, md_text


def students_of(course, lab):
    """Students with a submission of ``lab``, sorted."""
    root = Path(course) / "submitted"
    return sorted(p.name for p in root.iterdir() if (p / lab).is_dir()) if root.is_dir() else []


# Math libraries' thread pools: the kernel of each worker gets a share of the cores, so
# that kernels graded side by side do not fight over them (TensorFlow, OpenMP, BLAS).
THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
                    "TF_NUM_INTRAOP_THREADS", "TF_NUM_INTEROP_THREADS")


def _grade_one(course, lab, student, limits, threads=None):
    # In a worker: one submission; a failure becomes a summary, never an exception.
    from tools.sealed import grade_submission
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
    from tools.sealed import course_config
    config = course_config(course)
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
    import tools.sealed  # noqa: F401
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
    students = students_of(course, lab) if students is None else list(students)
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
    from tools.sealed import report_path
    report, folder = report_path(course, lab, student), Path(course) / "submitted" / student / lab
    if not report.exists():
        return False
    try:
        done = json.loads(report.read_text(encoding="utf-8"))
    except ValueError:
        return False
    handed_in = max((p.stat().st_mtime for p in folder.rglob("*") if p.is_file()), default=0)
    return bool(done.get("ok")) and done.get("score") is not None and report.stat().st_mtime > handed_in


def class_results(course, lab):
    """Every student's result as the gradebook and the integrity reports hold it now.

    Scores come from the gradebook, so a regrade by hand in the Formgrader shows; flags
    and grading errors come from reports/<lab>/integrity/.
    """
    from nbgrader.api import Gradebook
    from tools.sealed import course_config, report_path
    config = course_config(course)
    results = {}
    with Gradebook(config.CourseDirectory.db_url, config.CourseDirectory.course_id) as gb:
        graded = {sub.student.id for sub in gb.find_assignment(lab).submissions}
        for student in sorted(set(students_of(course, lab)) | graded):
            path = report_path(course, lab, student)
            report = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
            entry = {"student": student, "ok": False, "score": None, "max_score": None, "cells": {},
                     "error": report.get("error") or "not graded yet", "flags": report.get("flags", []),
                     "review": bool(report.get("review"))}
            if student in graded and report.get("ok", True):
                notebook = gb.find_submission_notebook(lab, lab, student)
                entry.update(ok=True, error=None, score=notebook.score, max_score=notebook.max_score,
                             cells={g.name: (g.score, g.max_score) for g in notebook.grades if g.max_score})
            results[student] = entry
    return results


def summary_line(results, seconds=None):
    failed = {s: r["error"] for s, r in results.items() if not r["ok"]}
    flagged = sorted(s for s, r in results.items() if r["ok"] and r.get("review"))
    text = f"graded {len(results) - len(failed)}/{len(results)}"
    if failed:
        text += f", failed to grade {len(failed)} (" + "; ".join(f"{s}: {e}" for s, e in sorted(failed.items())) + ")"
    text += f", flagged for review {len(flagged)}" + (f" ({', '.join(flagged)})" if flagged else "")
    return text + (f", {int(seconds // 60)} min {seconds % 60:.0f} s" if seconds is not None else "")


def _failure_messages(course, lab, student):
    """{grade_id: first line of the error} for the failed test cells of one autograded notebook."""
    path = Path(course) / "autograded" / student / lab / f"{lab}.ipynb"
    if not path.exists():
        return {}
    nb = nbformat.read(str(path), as_version=4)
    messages = {}
    for cell in nb.cells:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if cell.cell_type != "code" or not meta.get("grade") or meta.get("solution"):
            continue
        errors = [o for o in cell.get("outputs", []) if o.output_type == "error"]
        stderr = [o for o in cell.get("outputs", []) if o.output_type == "stream" and o.name == "stderr"]
        if errors:
            messages[meta["grade_id"]] = f"{errors[0].ename}: {errors[0].evalue}".splitlines()[0][:160]
        elif stderr:
            messages[meta["grade_id"]] = "wrote to stderr: " + stderr[0].text.strip().splitlines()[0][:140]
    return messages


def class_statistics(course, lab, results):
    """Per graded cell: pass rate and most frequent failure messages; the score list."""
    cells = collections.OrderedDict()
    scores, max_score = [], None
    for student, summary in sorted(results.items()):
        if not summary["ok"]:
            continue
        scores.append(summary["score"])
        max_score = summary["max_score"]
        messages = _failure_messages(course, lab, student)
        for grade_id, (score, top) in summary["cells"].items():
            entry = cells.setdefault(grade_id, {"points": top, "passed": 0, "graded": 0,
                                                "failures": collections.Counter()})
            entry["graded"] += 1
            if score >= top:
                entry["passed"] += 1
            elif grade_id in messages:
                entry["failures"][messages[grade_id]] += 1
    return cells, scores, max_score


def _histogram(scores, max_score, path):
    from matplotlib.figure import Figure
    fig = Figure(figsize=(6, 3))
    ax = fig.add_subplot()
    bins = max(1, int(max_score or 1))
    ax.hist(scores, bins=bins, range=(0, max_score or 1), color="#4477aa", edgecolor="white")
    ax.set_xlabel("score")
    ax.set_ylabel("students")
    ax.set_title("Score distribution")
    fig.tight_layout()
    fig.savefig(path, dpi=100)


def write_class_report(course, lab, results=None, seconds=None):
    """reports/<lab>/class-report.md and scores.png, readable without Jupyter.

    Built from the gradebook and the integrity reports (``class_results``) unless
    ``results`` are given, so it can be rebuilt at any time (`make report LAB=...`).
    """
    results = class_results(course, lab) if results is None else results
    out = Path(course) / "reports" / lab
    out.mkdir(parents=True, exist_ok=True)
    cells, scores, max_score = class_statistics(course, lab, results)
    lines = [f"# Class report: {lab}", "", md_text(summary_line(results, seconds)) + ".", ""]
    if scores:
        ordered = sorted(scores)
        median = ordered[len(ordered) // 2] if len(ordered) % 2 else (ordered[len(ordered) // 2 - 1] + ordered[len(ordered) // 2]) / 2
        lines += ["## Scores", "", f"{len(scores)} students graded; mean {sum(scores) / len(scores):.2f}, "
                  f"median {median:g}, out of {max_score:g}.", "", "![score distribution](scores.png)", "",
                  "| score | students |", "|---|---|"]
        for value, count in sorted(collections.Counter(scores).items()):
            lines.append(f"| {value:g} | {count} |")
        _histogram(scores, max_score, out / "scores.png")
    lines += ["", "## What the class got wrong", "",
              "| test cell | points | pass rate | most frequent failures |", "|---|---|---|---|"]
    for grade_id, entry in sorted(cells.items(), key=lambda kv: kv[1]["passed"] / max(kv[1]["graded"], 1)):
        rate = entry["passed"] / max(entry["graded"], 1)
        # Messages come from the student's output: quoted so that no tag in them renders.
        top = "<br>".join(f"{n}x {md_code(m)}" for m, n in entry["failures"].most_common(3))
        lines.append(f"| {grade_id} | {entry['points']:g} | {rate:.0%} | {top} |")
    flagged = [(s, r) for s, r in sorted(results.items()) if r.get("review") or not r["ok"]]
    lines += ["", "## Submissions to review", ""]
    if not flagged:
        lines.append("None.")
    for student, summary in flagged:
        reasons = summary.get("flags") or [summary.get("error") or "?"]
        lines.append(f"- **{md_text(student)}** ({md_code(f'integrity/{student}.json', table=False)}): "
                     + "; ".join(md_text(r) for r in reasons[:6])
                     + (" ..." if len(reasons) > 6 else ""))
    (out / "class-report.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (out / "class-results.json").write_text(json.dumps(results, indent=1, ensure_ascii=False, default=str),
                                            encoding="utf-8")
    return out / "class-report.md"


def main(argv=None):
    parser = argparse.ArgumentParser(description="Grade every submission of a lab, sealed and in parallel.")
    parser.add_argument("lab")
    parser.add_argument("--course", default=".", help="the nbgrader course folder (default: here)")
    parser.add_argument("--workers", type=int, default=None, help="parallel workers (default: one per core)")
    parser.add_argument("--engine", choices=("processes", "dask"), default="processes")
    parser.add_argument("--scheduler", default=None, help="address of a running Dask scheduler")
    parser.add_argument("--student", action="append", help="grade only these students (repeatable)")
    parser.add_argument("--force", action="store_true", help="grade again what is already graded")
    parser.add_argument("--report", action="store_true",
                        help="grade nothing: rebuild the class report from the gradebook and integrity reports")
    args = parser.parse_args(argv)
    if args.report:
        path = write_class_report(args.course, args.lab)
        print(summary_line(class_results(args.course, args.lab)))
        print(f"report: {path}")
        return 0
    limits = None  # the course's nbgrader_config.py sets them (SealedExecute, Execute.timeout)
    results, line = grade_class(args.course, args.lab, args.student, args.workers, args.engine, args.scheduler,
                                limits, force=args.force)
    print(line)
    print(f"report: {Path(args.course) / 'reports' / args.lab / 'class-report.md'}")
    return 0 if all(r["ok"] for r in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
