"""Time and measure each lab: plain execution and a full nbgrader autograde.

Usage: ``make bench`` (all labs) or ``python -m benchmarks.bench 01-regression`` from the
repository root.

For each lab it reports
* execution: wall time to run the solutions notebook top to bottom in a fresh kernel,
  and the kernel's peak resident memory;
* autograde: wall time of ``nbgrader autograde`` on one complete submission (the
  instructor solution), including nbgrader's own start-up, and the peak memory of
  the processes it ran;
* the ratio autograde time / execution time.

Then, for grading a class (``--class-lab``, default lab 02, ``--submissions`` 20):
serial ``nbgrader autograde`` of all submissions, ``tools.grade`` sealed with one
worker, and ``tools.grade`` sealed with one worker per core, side by side in one run
on copies of one course; plain notebook execution of a few submissions gives the
per-submission overhead of each way of grading.

Budgets (issue #2 and the lab issues) are printed beside the numbers but not
enforced: machines differ, and a timed test would fail at random. Results are also
written to benchmarks/results/<date>.json (git-ignored).

Peak memory is read from ``getrusage(RUSAGE_CHILDREN)`` in a fresh process per
measurement: the largest resident set of any process it waited for, here the kernel.
"""

import argparse
import datetime
import json
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tools.course import (
    LABS, REPO, course_env, fill_solutions, make_course, notebook_path, read, run_nbgrader,
)

BUDGETS = {  # seconds of plain execution, MiB peak
    "01-regression": (60, 1024),
    "02-perceptron": (30, 1024),
    "03-mlp-backprop": (60, 1024),
    "04-training": (60, 1024),
    "05-cnn": (60, 1024),
    "06-rnn-lstm": (60, 1024),
    "07-autoencoder-fraud": (60, 1024),
}

_MEASURE = r"""
import json, resource, subprocess, sys, time
t = time.perf_counter()
proc = subprocess.run(json.loads(sys.argv[1]), cwd=sys.argv[2], capture_output=True, text=True)
wall = time.perf_counter() - t
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB on Linux
print(json.dumps({"wall": wall, "peak_kib": peak, "rc": proc.returncode, "err": proc.stderr[-2000:]}))
"""

_EXECUTE = r"""
import sys, nbclient, nbformat
nb = nbformat.read(sys.argv[1], as_version=4)
nbclient.NotebookClient(nb, timeout=600, kernel_name="python3", store_widget_state=True,
                        resources={"metadata": {"path": sys.argv[2]}}).execute()
"""


# A wrong submission may raise in a demo cell: time all of it, as nbgrader would run it.
_EXECUTE_ANY = _EXECUTE.replace('store_widget_state=True,', 'store_widget_state=True, allow_errors=True,')


def measure(cmd, cwd, env):
    """Run ``cmd`` in a fresh measuring process; return wall seconds and peak MiB."""
    out = subprocess.run([sys.executable, "-c", _MEASURE, json.dumps(cmd), str(cwd)],
                         env=env, capture_output=True, text=True, check=True)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    if result["rc"] != 0:
        raise RuntimeError(f"{cmd[:3]} failed:\n{result['err']}")
    kib = result["peak_kib"] if platform.system() == "Linux" else result["peak_kib"] / 1024
    return result["wall"], kib / 1024


def bench_lab(lab, work):
    env = course_env(work / "home")
    path = notebook_path(lab)
    exec_s, exec_mib = measure([sys.executable, "-c", _EXECUTE, str(path), str(path.parent)],
                               REPO, env)

    course = make_course(work / "course", [lab])
    run_nbgrader(["generate_assignment", lab, "--force"], course, env)
    release = read(course / "notebooks" / lab / f"{lab}.ipynb")
    folder = course / "submitted" / "bench-student" / lab
    folder.mkdir(parents=True)
    import nbformat
    nbformat.write(fill_solutions(release, read(path)), str(folder / f"{lab}.ipynb"))
    grade_s, grade_mib = measure([str(Path(sys.executable).parent / "nbgrader"), "autograde", lab],
                                 course, env)
    return {"lab": lab, "exec_s": exec_s, "exec_peak_mib": exec_mib,
            "autograde_s": grade_s, "autograde_peak_mib": grade_mib, "ratio": grade_s / exec_s}


def bench_class(lab, n, work, workers=None):
    """Serial nbgrader vs sealed tools.grade on the same n submissions (see module doc)."""
    import os
    import shutil
    import nbformat
    from tools.submissions import apply_case, case_files, parse_case
    env = course_env(work / "home")
    first = make_course(work / "serial", [lab])
    run_nbgrader(["generate_assignment", lab, "--force"], first, env)
    release = read(first / "notebooks" / lab / f"{lab}.ipynb")
    filled = fill_solutions(release, read(notebook_path(lab)))
    cases = [parse_case(p) for p in case_files(lab)] or [None]
    for i in range(n):
        case = cases[i % len(cases)]
        nb = filled if case is None else apply_case(filled, case)
        folder = first / "submitted" / f"student-{i:02d}" / lab
        folder.mkdir(parents=True)
        nbformat.write(nb, str(folder / f"{lab}.ipynb"))
    for name in ("sealed-1", "sealed-n"):
        shutil.copytree(first, work / name)
    sample = sorted((first / "submitted").glob(f"*/{lab}/{lab}.ipynb"))[:3]
    plain = [measure([sys.executable, "-c", _EXECUTE_ANY, str(p), str(p.parent)], REPO, env)[0] for p in sample]
    workers = workers or os.cpu_count()
    serial_s, _ = measure([str(Path(sys.executable).parent / "nbgrader"), "autograde", lab], first, env)
    grade = [sys.executable, "-m", "tools.grade", lab, "--course"]
    one_s, _ = measure(grade + [str(work / "sealed-1"), "--workers", "1"], REPO, env)
    many_s, _ = measure(grade + [str(work / "sealed-n"), "--workers", str(workers)], REPO, env)
    exec_s = sum(plain) / len(plain)
    return {"lab": lab, "submissions": n, "workers": workers, "exec_per_submission_s": exec_s,
            "serial_nbgrader_s": serial_s, "sealed_1_worker_s": one_s, "sealed_parallel_s": many_s,
            "speedup_vs_serial_nbgrader": serial_s / many_s,
            "overhead_nbgrader_per_submission_s": serial_s / n - exec_s,
            "overhead_sealed_per_submission_s": one_s / n - exec_s}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("labs", nargs="*", default=LABS)
    parser.add_argument("--class-lab", default="02-perceptron", help="lab for the class-grading benchmark")
    parser.add_argument("--submissions", type=int, default=20)
    parser.add_argument("--class-only", action="store_true", help="only the class-grading benchmark")
    args = parser.parse_args(argv)
    if args.class_only:
        args.labs = []
    rows = []
    print(f"{'lab':<18}{'exec s':>8}{'exec MiB':>10}{'grade s':>9}{'grade MiB':>11}"
          f"{'ratio':>7}   budget")
    for lab in args.labs:
        with tempfile.TemporaryDirectory() as tmp:
            row = bench_lab(lab, Path(tmp))
        rows.append(row)
        secs, mib = BUDGETS.get(lab, (None, None))
        verdict = ""
        if secs:
            ok = row["exec_s"] <= secs and row["exec_peak_mib"] <= mib
            verdict = f"{'within' if ok else 'OVER'} {secs} s / {mib} MiB"
        print(f"{lab:<18}{row['exec_s']:>8.1f}{row['exec_peak_mib']:>10.0f}{row['autograde_s']:>9.1f}"
              f"{row['autograde_peak_mib']:>11.0f}{row['ratio']:>7.2f}   {verdict}", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        grading = bench_class(args.class_lab, args.submissions, Path(tmp))
    g = grading
    print(f"\nclass grading, {g['lab']}, {g['submissions']} submissions, {g['workers']} workers:")
    print(f"  serial nbgrader autograde    {g['serial_nbgrader_s']:7.1f} s  "
          f"(+{g['overhead_nbgrader_per_submission_s']:.1f} s per submission over plain execution)")
    print(f"  tools.grade sealed, 1 worker {g['sealed_1_worker_s']:7.1f} s  "
          f"(+{g['overhead_sealed_per_submission_s']:.1f} s per submission over plain execution)")
    print(f"  tools.grade sealed, parallel {g['sealed_parallel_s']:7.1f} s  "
          f"speed-up {g['speedup_vs_serial_nbgrader']:.2f}x over serial nbgrader (target 1.8x on 2 cores)")
    print(f"  plain execution              {g['exec_per_submission_s']:7.1f} s per submission")
    out = REPO / "benchmarks" / "results"
    out.mkdir(exist_ok=True)
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    (out / f"{stamp}.json").write_text(json.dumps(
        {"machine": platform.platform(), "python": platform.python_version(), "rows": rows,
         "class_grading": grading}, indent=1))


if __name__ == "__main__":
    main()
