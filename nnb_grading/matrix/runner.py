"""Running sliced submissions: one fresh process each, scored as nbgrader scores.

Everything before the first solution cell (the Setup cell: imports, data) runs once in
a server process, which then forks one process per submission (``multiprocessing``'s
fork start method), so no submission sees another's state and none pays for the
imports again. Each test cell is scored by nbgrader's own ``determine_grade`` on the
outputs the cell produced, after nbgrader's own ``IgnorePattern``: an error or any
stderr output is 0, a number left as the cell's result is partial credit (nbgrader
refuses one above the maximum), otherwise full marks. Each cell has the course's
per-cell time limit before it is interrupted, and a whole submission three times that.
"""

import io
import multiprocessing
import os
import signal
import sys
import time
import traceback
from multiprocessing.connection import wait

from nbformat.v4 import new_code_cell, new_output
from nbgrader.preprocessors import IgnorePattern
from nbgrader.utils import determine_grade

from nnb_grading.course import Course, fill_solutions, graded_cells, nbgrader_meta, read
from nnb_grading.matrix.slicing import (
    _threaded_names, parent_safe, shared_units, slice_units, unchanged_tests, units_for,
)

SOLUTION = "instructor-solution"
_FORK = multiprocessing.get_context("fork")


class _Timeout(KeyboardInterrupt):
    """Raised in a cell that runs past the per-cell limit (nbgrader interrupts the kernel)."""


def _on_alarm(signum, frame):
    raise _Timeout()


def _shell():
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    # Figures are drawn off screen and dropped: no test cell depends on a picture.
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.show = lambda *args, **kwargs: plt.close("all")
    return shell


def _run(shell, source, timeout):
    """Run source in the shell; return the cell's outputs as nbformat outputs.

    A quick cell's writes to stderr reach nbgrader as one stream output (ipykernel
    sends what was written since its last flush), so they are one output here too.
    """
    err, out = io.StringIO(), io.StringIO()
    old = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        result = shell.run_cell(source, store_history=False)
    except _Timeout:  # raised outside the cell's own try (rare): still a timeout
        result = None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        sys.stdout, sys.stderr = old
    outputs = []
    if err.getvalue():
        outputs.append(new_output("stream", name="stderr", text=err.getvalue()))
    if result is None:
        return outputs + [new_output("error", ename="Timeout", evalue="cell interrupted", traceback=[])]
    exc = result.error_before_exec or result.error_in_exec
    if exc is not None:
        if isinstance(exc, KeyboardInterrupt):
            evalue = f"interrupted after the {timeout:g} s cell limit"
            return outputs + [new_output("error", ename="Timeout", evalue=evalue, traceback=[])]
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
        return outputs + [new_output("error", ename=type(exc).__name__, evalue=first, traceback=[])]
    if result.result is not None:
        data, _ = shell.display_formatter.format(result.result)
        outputs.append(new_output("execute_result", data=data, execution_count=1))
    return outputs


def score_outputs(points, outputs, ignore=""):
    """(score, message) of a test cell worth ``points`` that produced ``outputs``.

    nbgrader's ``IgnorePattern`` and ``determine_grade``, applied to a cell built from
    the outputs. A partial grade nbgrader would refuse scores 0, with nbgrader's reason.
    """
    cell = new_code_cell("", metadata={"nbgrader": {"grade": True, "solution": False, "points": points}})
    cell.outputs = outputs
    if ignore:
        IgnorePattern(pattern=ignore, enabled=True).preprocess_cell(cell, {}, 0)
    message = ""
    for output in cell.outputs:
        if output.output_type == "error":
            message = f"{output.ename}: {output.evalue}" if output.evalue else output.ename
        elif output.output_type == "stream" and output.name == "stderr" and not message:
            message = output.text.strip().splitlines()[-1] if output.text.strip() else "output on stderr"
    try:
        score, _ = determine_grade(cell)
    except ValueError as exc:  # nbgrader stops grading such a submission
        return 0.0, f"nbgrader refuses this result: {exc}"
    return float(score), message


def _grade_in_child(units, keep, timeout, ignore, conn):
    try:
        shell = _shell()
        verdicts = {}
        for i in keep:
            u = units[i]
            outputs = _run(shell, u.source, timeout)
            if u.kind == "test":
                score, message = score_outputs(u.points, outputs, ignore)
                verdicts[u.grade_id] = {"score": score, "max": u.points, "message": message[:300]}
    except BaseException:  # the report must come back whatever happens
        verdicts = {"__crash__": traceback.format_exc()[-500:]}
    conn.send(verdicts)
    conn.close()


def _early_units(plans, first):
    """Units that every submission runs alike and that may run before the fork."""
    units, keep = plans[SOLUTION] if SOLUTION in plans else next(iter(plans.values()))
    bound = set().union(*(u.binds for us, _ in plans.values() for u in us if u.kind == "solution"))
    threaded, tf_modules = _threaded_names(units)
    early = []
    for i in list(range(first)) + shared_units(units, keep, first, bound):
        if parent_safe(units[i], threaded, tf_modules) and not (units[i].uses & set().union(
                *(units[j].binds for j in range(i) if j not in early and units[j].kind == "other"))):
            early.append(i)
    return units, early


def _serve(folder, plans, first, jobs, timeout, ignore, limit, out):
    """The server process: the shared prefix once, then one child per submission."""
    os.chdir(folder)
    shell = _shell()
    units, early = _early_units(plans, first)
    for i in early:
        _run(shell, units[i].source, timeout)
    done = set(early)
    queue, running = list(plans.items()), {}
    while queue or running:
        while queue and len(running) < jobs:
            name, (units, keep) = queue.pop(0)
            receive, send = _FORK.Pipe(duplex=False)
            child = _FORK.Process(target=_grade_in_child,
                                  args=(units, [i for i in keep if i not in done], timeout, ignore, send))
            child.start()
            send.close()
            running[child.sentinel] = (name, child, receive, time.monotonic() + limit, [None])
        ready = wait([r for *_, r, _, _ in running.values()] + list(running), timeout=0.05)
        for name, child, receive, deadline, report in running.values():
            if receive in ready and report[0] is None:
                try:
                    report[0] = receive.recv()
                except EOFError:
                    report[0] = {}
            elif time.monotonic() > deadline:
                # A process stuck in native code ignores the per-cell alarm.
                child.kill()
        for sentinel in [s for s in running if s in ready]:
            name, child, receive, _, report = running.pop(sentinel)
            child.join()
            if report[0] is None and receive.poll():
                report[0] = receive.recv()
            receive.close()
            out.send({"student": name, "status": child.exitcode, "report": report[0] or {}})
    out.close()


def grade_notebooks(lab, students, jobs=None, timeout=None, course=None):
    """Grade student notebooks of a lab without nbgrader; {student: {grade_id: verdict}}.

    ``students`` maps a name to a notebook in the release's structure (as submitted).
    Each verdict is a dict with ``score``, ``max`` and ``message``. The per-cell time
    limit and the ignored stderr pattern come from the course configuration.
    """
    course = course if isinstance(course, Course) else Course(course or ".")
    solution_nb = read(course.notebook_path(lab))
    timeout = float(timeout or course.limits.cell_seconds)
    ignore = course.ignore_pattern
    jobs = jobs or os.cpu_count() or 1
    limit = float(course.limits.cell_seconds) * 3  # a whole submission, wall clock
    students = dict(students)
    asked = list(students)
    if SOLUTION not in students:  # the reference every unchanged test cell is scored from
        students[SOLUTION] = fill_solutions(read(course.notebook_path(lab, release=True)), solution_nb)
    reference = units_for(solution_nb, students[SOLUTION])
    plans, reused = {}, {}
    for name, nb in students.items():
        units = units_for(solution_nb, nb)
        reused[name] = set() if name == SOLUTION else unchanged_tests(units, reference)
        tests = {u.grade_id for u in units if u.kind == "test"} - reused[name]
        plans[name] = (units, slice_units(units, tests))
    first = min(i for units, _ in plans.values() for i, u in enumerate(units) if u.kind != "other")
    points = {nbgrader_meta(c)["grade_id"]: float(nbgrader_meta(c).get("points", 0))
              for c in graded_cells(solution_nb)}

    receive, send = _FORK.Pipe(duplex=False)
    server = _FORK.Process(target=_serve, args=(course.notebook_path(lab).parent, plans, first, jobs,
                                                 timeout, ignore, limit, send))
    server.start()
    send.close()
    results = {}
    while True:
        try:
            rec = receive.recv()
        except EOFError:
            break
        verdicts = dict(rec["report"])
        reason = verdicts.pop("__crash__", None) or (
            f"the process died (status {rec['status']})" if not verdicts else "")
        for gid, max_points in points.items():  # a crash fails every cell it did not reach
            verdicts.setdefault(gid, {"score": 0.0, "max": max_points, "message": reason or "not run"})
        results[rec["student"]] = verdicts
    server.join()
    missing = set(students) - set(results)
    if missing:
        raise RuntimeError(f"the grading processes gave no result for {sorted(missing)}"
                           f" (server exit code {server.exitcode})")
    for name in students:
        for gid in reused[name]:
            results[name][gid] = dict(results[SOLUTION][gid])
    return {name: results[name] for name in asked}
