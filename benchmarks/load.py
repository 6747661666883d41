"""Load: a large class of lab 02 graded sealed on the local engine, SQLite and PostgreSQL.

    python -m benchmarks.load [--submissions 200] [--workers 2] [--db sqlite postgresql]

The submissions are copies of the lab's test submissions (the solution, the correct
and the wrong variants, round robin). For each gradebook it reports the wall time, the
peak memory of the grading processes (the command and its workers; the kernels,
which come and go with each submission, are left out) and checks that:

* every student is in the gradebook exactly once, with a grade for every test cell;
* all copies of one submission got the same grades (nothing lost or mixed up under
  load);
* no "database is locked" (or any other grading failure) happened.

PostgreSQL needs its server programs (Debian's `postgresql`); the run starts a
throw-away cluster on 127.0.0.1 (tests/harness/servers.py). Results go to
benchmarks/results/load-<date>.json (git-ignored). Not part of `make test` (minutes).
"""

import argparse
import datetime
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

from tests.harness.course import command, REPO, course_env, fill_solutions, make_course, notebook_path, read, run_nbgrader
from tests.harness.servers import postgres_server
from nnb_grading.matrix.cases import apply_case, case_files, parse_case

LAB = "02-perceptron"


def build_class(root, n, env, db_url=None):
    course = make_course(root, [LAB])
    if db_url:
        with open(course / "nbgrader_config.py", "a") as fh:
            fh.write(f"\nc.CourseDirectory.db_url = {db_url!r}\n")
    run_nbgrader(["generate_assignment", LAB, "--force"], course, env)
    release = read(course / "notebooks" / LAB / f"{LAB}.ipynb")
    filled = fill_solutions(release, read(notebook_path(LAB)))
    variants = [("solution", filled)] + [(p.stem, apply_case(filled, parse_case(p))) for p in case_files(LAB, REPO)]
    which = {}
    for i in range(n):
        name, nb = variants[i % len(variants)]
        student = f"s{i:03d}"
        which[student] = name
        folder = course / "submitted" / student / LAB
        folder.mkdir(parents=True)
        nbformat.write(nb, str(folder / f"{LAB}.ipynb"))
    return course, which


def run_graded(course, env, workers):
    """Grade with nnb-grade, polling the memory of the grader's own processes."""
    import psutil
    cmd = [command("nnb-grade"), LAB, "--course", str(course), "--workers", str(workers)]
    start = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    parent = psutil.Process(proc.pid)
    peak_main = peak_worker = 0
    while proc.poll() is None:
        try:
            peak_main = max(peak_main, parent.memory_info().rss)
            for child in parent.children():  # the pool's workers (their kernels are grandchildren)
                peak_worker = max(peak_worker, child.memory_info().rss)
        except psutil.Error:
            pass
        time.sleep(0.5)
    out, err = proc.communicate()
    return {"seconds": time.monotonic() - start, "returncode": proc.returncode, "line": out.strip().splitlines()[:1],
            "peak_grader_mib": peak_main / 2**20, "peak_worker_mib": peak_worker / 2**20,
            "locked": "database is locked" in (out + err)}


def check(db_url, which):
    from nbgrader.api import Gradebook
    rows, by_variant, problems = {}, {}, []
    with Gradebook(db_url, "nn-basics") as gb:
        cells = {c.name for c in gb.find_notebook(LAB, LAB).grade_cells}
        for sub in gb.find_assignment(LAB).submissions:
            rows[sub.student.id] = rows.get(sub.student.id, 0) + 1
            nb = gb.find_submission_notebook(LAB, LAB, sub.student.id)
            grades = {g.name: g.score for g in nb.grades if g.name in cells}
            if set(grades) != cells:
                problems.append(f"{sub.student.id}: grades for {sorted(grades)}")
            by_variant.setdefault(which[sub.student.id], set()).add(tuple(sorted(grades.items())))
    missing = sorted(set(which) - set(rows))
    doubled = sorted(s for s, k in rows.items() if k != 1)
    mixed = sorted(v for v, seen in by_variant.items() if len(seen) != 1)
    if missing:
        problems.append(f"not in the gradebook: {missing[:10]} ({len(missing)})")
    if doubled:
        problems.append(f"more than once in the gradebook: {doubled[:10]}")
    if mixed:
        problems.append(f"copies of one submission graded differently: {mixed}")
    return problems


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--submissions", type=int, default=200)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--db", nargs="+", default=["sqlite", "postgresql"], choices=["sqlite", "postgresql"])
    args = parser.parse_args(argv)
    results = []
    for db in args.db:
        with tempfile.TemporaryDirectory() as tmp:
            env = course_env(Path(tmp) / "home")
            if db == "postgresql":
                with postgres_server() as url:
                    course, which = build_class(Path(tmp) / "course", args.submissions, env, url)
                    row = run_graded(course, env, args.workers)
                    row["problems"] = check(url, which)
            else:
                course, which = build_class(Path(tmp) / "course", args.submissions, env)
                row = run_graded(course, env, args.workers)
                row["problems"] = check(f"sqlite:///{course / 'gradebook.db'}", which)
        row.update(db=db, submissions=args.submissions, workers=args.workers)
        results.append(row)
        print(f"{db:10s} {args.submissions} submissions, {args.workers} workers: {row['seconds']:.0f} s "
              f"({row['seconds'] / args.submissions:.1f} s each); peak memory: grader {row['peak_grader_mib']:.0f} MiB, "
              f"worker {row['peak_worker_mib']:.0f} MiB; 'database is locked': {row['locked']}; "
              f"problems: {row['problems'] or 'none'}; {row['line']}", flush=True)
    out = REPO / "benchmarks" / "results"
    out.mkdir(exist_ok=True)
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    (out / f"load-{stamp}.json").write_text(json.dumps(results, indent=1))
    return 0 if all(r["returncode"] == 0 and not r["problems"] and not r["locked"] for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
