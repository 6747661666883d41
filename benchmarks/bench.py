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

Then, for grading a class (``--class-labs``, default 20 submissions of lab 02 and 10
of lab 05, copies of the lab's test submissions): plain execution of every submission
one after the other (the floor), serial plain ``nbgrader autograde`` (the course's
config without its seal), and the sealed ``nnb-grade`` with 1, 2 and 3 workers, side
by side on copies of one course.

Budgets (issue #2 and the lab issues) are printed beside the numbers but not
enforced: machines differ, and a timed test would fail at random. Results are also
written to benchmarks/results/<date>.json (git-ignored).

Peak memory is the largest resident set (``VmHWM``) of any process in the measured
command's tree, polled every 0.2 s from a fresh process per measurement (the sealed
kernel is not a waited-for child, so ``getrusage`` alone would miss it).
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

from tests.harness.course import (
    command,
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
import json, os, resource, subprocess, sys, threading, time

def tree_peak_kib(root, stop, peak):
    # The sealed kernel runs under bubblewrap and is never waited for by our child, so
    # getrusage(RUSAGE_CHILDREN) misses it: poll every descendant's high-water mark.
    while os.path.isdir("/proc") and not stop.is_set():
        parents = {}
        for pid in filter(str.isdigit, os.listdir("/proc")):
            try:
                with open(f"/proc/{pid}/stat") as f:
                    parents[int(pid)] = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                pass
        for pid in parents:
            p = pid
            while p in parents and p != root:
                p = parents[p]
            if p != root:
                continue
            try:
                with open(f"/proc/{pid}/status") as f:
                    for line in f:
                        if line.startswith("VmHWM:"):
                            peak[0] = max(peak[0], int(line.split()[1]))
            except OSError:
                pass
        stop.wait(0.2)

t = time.perf_counter()
proc = subprocess.Popen(json.loads(sys.argv[1]), cwd=sys.argv[2], stdout=subprocess.PIPE,
                        stderr=subprocess.PIPE, text=True)
stop, peak = threading.Event(), [0]
watcher = threading.Thread(target=tree_peak_kib, args=(proc.pid, stop, peak), daemon=True)
watcher.start()
_, err = proc.communicate()
wall = time.perf_counter() - t
stop.set(); watcher.join()
peak = max(peak[0], resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)  # KiB on Linux
print(json.dumps({"wall": wall, "peak_kib": peak, "rc": proc.returncode, "err": err[-2000:]}))
"""

_EXECUTE = r"""
import sys, nbclient, nbformat
nb = nbformat.read(sys.argv[1], as_version=4)
nbclient.NotebookClient(nb, timeout=600, kernel_name="python3", store_widget_state=True,
                        resources={"metadata": {"path": sys.argv[2]}}).execute()
"""



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


_EXECUTE_ALL = r"""
import json, sys, time, nbclient, nbformat
times = []
for path in json.loads(sys.argv[1]):
    nb = nbformat.read(path, as_version=4)
    t = time.perf_counter()
    nbclient.NotebookClient(nb, timeout=600, kernel_name="python3", store_widget_state=True, allow_errors=True,
                            resources={"metadata": {"path": path.rsplit("/", 1)[0]}}).execute()
    times.append(time.perf_counter() - t)
print(json.dumps(times))
"""


def bench_class(lab, n, work, workers=(1, 2, 3)):
    """Grading a class of ``n`` submissions of ``lab`` every way (see the module doc).

    plain execution of every submission one after the other (the floor: kernel start
    and the notebook's own cells), serial plain nbgrader (the course config without its
    seal), and the sealed ``nnb-grade`` with each number of workers, on copies of one
    course.
    """
    import shutil
    import nbformat
    from tests.harness.course import PLAIN_NBGRADER
    from nnb_grading.matrix.cases import apply_case, case_files, parse_case
    env = course_env(work / "home")
    first = make_course(work / "base", [lab])
    run_nbgrader(["generate_assignment", lab, "--force"], first, env)
    release = read(first / "notebooks" / lab / f"{lab}.ipynb")
    filled = fill_solutions(release, read(notebook_path(lab)))
    variants = [filled] + [apply_case(filled, parse_case(p)) for p in case_files(lab, REPO)]
    for i in range(n):
        folder = first / "submitted" / f"student-{i:02d}" / lab
        folder.mkdir(parents=True)
        nbformat.write(variants[i % len(variants)], str(folder / f"{lab}.ipynb"))
    copies = {name: work / name for name in ["plain"] + [f"sealed-{w}" for w in workers]}
    for name, path in copies.items():
        shutil.copytree(first, path)
    with open(copies["plain"] / "nbgrader_config.py", "a") as fh:
        fh.write(PLAIN_NBGRADER)
    paths = sorted(str(p) for p in (first / "submitted").glob(f"*/{lab}/{lab}.ipynb"))
    t = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", _EXECUTE_ALL, json.dumps(paths)], env=env, capture_output=True,
                         text=True, check=True)
    plain_total = time.perf_counter() - t
    per_notebook = json.loads(out.stdout.strip().splitlines()[-1])
    row = {"lab": lab, "submissions": n, "plain_execution_s": plain_total,
           "plain_execution_per_submission_s": sum(per_notebook) / n}
    row["serial_plain_nbgrader_s"], _ = measure([str(Path(sys.executable).parent / "nbgrader"), "autograde", lab],
                                                copies["plain"], env)
    for w in workers:
        row[f"sealed_{w}_workers_s"], row[f"sealed_{w}_workers_peak_mib"] = measure(
            [command("nnb-grade"), lab, "--course", str(copies[f"sealed-{w}"]), "--workers", str(w)],
            REPO, env)
    best = min(workers, key=lambda w: row[f"sealed_{w}_workers_s"])
    row["best_workers"] = best
    row["speedup_vs_serial_plain_nbgrader"] = row["serial_plain_nbgrader_s"] / row[f"sealed_{best}_workers_s"]
    row["sealed_1_worker_vs_plain_execution"] = row["sealed_1_workers_s"] / row["plain_execution_s"]
    return row


def print_class(row, workers=(1, 2, 3)):
    n = row["submissions"]
    print(f"\nclass grading, {row['lab']}, {n} submissions:")
    print(f"  {'way':34s} {'total s':>8s} {'per submission s':>17s}")
    print(f"  {'plain execution, one by one':34s} {row['plain_execution_s']:8.1f} "
          f"{row['plain_execution_s'] / n:17.2f}")
    print(f"  {'serial plain nbgrader autograde':34s} {row['serial_plain_nbgrader_s']:8.1f} "
          f"{row['serial_plain_nbgrader_s'] / n:17.2f}")
    for w in workers:
        print(f"  {f'sealed nnb-grade, {w} worker(s)':34s} {row[f'sealed_{w}_workers_s']:8.1f} "
              f"{row[f'sealed_{w}_workers_s'] / n:17.2f}")
    print(f"  speed-up of sealed ({row['best_workers']} workers) over serial plain nbgrader: "
          f"{row['speedup_vs_serial_plain_nbgrader']:.2f}x (target 1.8x on 2 cores)")
    print(f"  sealed with 1 worker / plain execution: {row['sealed_1_worker_vs_plain_execution']:.2f} (target 1.15)")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("labs", nargs="*", default=LABS)
    parser.add_argument("--class-labs", nargs="*", default=["02-perceptron:20", "05-cnn:10"],
                        help="lab:submissions for the class-grading benchmark (none to skip it)")
    parser.add_argument("--class-only", action="store_true", help="only the class-grading benchmark")
    args = parser.parse_args(argv)
    args.class_labs = [(spec.split(":")[0], int(spec.split(":")[1])) for spec in args.class_labs]
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
    grading = []
    for lab, n in args.class_labs:
        with tempfile.TemporaryDirectory() as tmp:
            grading.append(bench_class(lab, n, Path(tmp)))
        print_class(grading[-1])
    out = REPO / "benchmarks" / "results"
    out.mkdir(exist_ok=True)
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    (out / f"{stamp}.json").write_text(json.dumps(
        {"machine": platform.platform(), "python": platform.python_version(), "rows": rows,
         "class_grading": grading}, indent=1))


if __name__ == "__main__":
    main()
