"""The grading matrix: every submission of a lab against its test cells, without nbgrader.

A real ``nbgrader autograde`` executes a whole lab notebook per submission (importing
TensorFlow, training every demo model, drawing every plot). To know which graded cells
a submission passes, much less is needed: the student's solution cells, the instructor's
test cells (visible and hidden, from ``solutions/``), and the statements those cells
depend on. This module

1. slices the solution notebook: code cells are split into top-level statements, and a
   statement is kept only if a later kept statement (or a solution or test cell) needs a
   name it binds or changes (a backward liveness pass over the whole notebook);
2. runs everything before the first solution cell once, in a parent process (the Setup
   cell: imports, data), then ``fork()``s a fresh process per submission that runs its
   own slice in an IPython shell, so no submission sees another's state;
3. scores each test cell as nbgrader does (``nbgrader.utils.determine_grade``): an error
   or any stderr output is 0, a number left as the cell's result is partial credit,
   otherwise full marks; stderr matching ``IgnorePattern.pattern`` is dropped first, and
   each cell has ``Execute.timeout`` (from ``nbgrader_config.py``) before it is
   interrupted.

A test cell whose every solution input (the solution cells its slice reaches) is the
instructor's code, character for character, scores what it scores for the instructor
solution: the notebooks are seeded, so it is not run again. This is what makes a lab's
thirty one-mistake submissions cheap; a real student's notebook differs everywhere and
runs in full. Statements that run TensorFlow operations are never run before the fork
(a process forked after TensorFlow has started its thread pools deadlocks).

``tests/test_grading.py`` proves on every lab that these verdicts equal real nbgrader's
for the solution, the blank release and combined submissions (see ``combine_cases``).

Command line, from the repository root::

    python -m tools.matrix 03-mlp-backprop            # every submission, problems listed
    python -m tools.matrix 03-mlp-backprop -v         # and every verdict
"""

import argparse
import ast
import builtins
import io
import json
import os
import re
import signal
import sys
import time
import traceback
from dataclasses import dataclass, field

from tools.claims import is_claim
from tools.course import (
    REPO, fill_solutions, graded_cells, nbgrader_meta, notebook_path, read, solution_cells,
)
from tools.submissions import apply_case, case_files, parse_case

SOLUTION, BLANK = "instructor-solution", "blank-release"
_BUILTINS = set(dir(builtins)) | {"display", "get_ipython", "__name__", "__file__"}


def _config_value(name, default):
    """A value set in nbgrader_config.py (``c.Execute.timeout = ...``), read as text."""
    text = (REPO / "nbgrader_config.py").read_text()
    m = re.search(rf"^c\.{re.escape(name)}\s*=\s*(.+)$", text, re.M)
    return ast.literal_eval(m.group(1).strip()) if m else default


# ---------------------------------------------------------------- slicing

@dataclass
class Unit:
    """One piece of code to run: a whole solution/test cell or one top-level statement."""

    source: str
    kind: str                       # "solution", "test" or "other"
    grade_id: str = ""
    points: float = 0.0
    binds: set = field(default_factory=set)     # names (re)bound
    changes: set = field(default_factory=set)   # names whose object is changed in place
    uses: set = field(default_factory=set)      # names read
    imports: set = field(default_factory=set)   # names bound by import statements


def _python(source):
    """Cell source as plain Python (IPython magics and shell escapes translated)."""
    from IPython.core.inputtransformer2 import TransformerManager

    return TransformerManager().transform_cell(source)


def _base_name(node):
    while isinstance(node, (ast.Attribute, ast.Subscript, ast.Call)):
        node = node.func if isinstance(node, ast.Call) else node.value
    return node.id if isinstance(node, ast.Name) else None


def _attribute_chain(node):
    names = []
    while isinstance(node, ast.Attribute):
        names.append(node.attr)
        node = node.value
    return names


def _free_names(tree):
    """Names a statement reads before it binds them itself (its inputs from earlier cells).

    Execution order is approximated by source position, except that an assignment binds
    its targets after its value is read (``x = x + 1`` reads x), function and lambda
    arguments are bound before their bodies, and loop and comprehension targets before
    the loop body.
    """
    loads, stores = {}, {}

    def note(table, name, pos):
        if name not in table or pos < table[name]:
            table[name] = pos

    for node in ast.walk(tree):
        if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.NamedExpr)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            end = (node.end_lineno, node.end_col_offset)
            for target in targets:
                for name in ast.walk(target):
                    if isinstance(name, ast.Name):
                        note(stores, name.id, end)
                        if isinstance(node, ast.AugAssign):
                            note(loads, name.id, (node.lineno, node.col_offset))
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            start = (node.lineno, node.col_offset)
            for arg in ast.walk(node.args):
                if isinstance(arg, ast.arg):
                    note(stores, arg.arg, start)
        elif isinstance(node, ast.Name):
            note(loads if isinstance(node.ctx, ast.Load) else stores, node.id, (node.lineno, node.col_offset))
    return {name for name, pos in loads.items() if name not in stores or pos < stores[name]}


def _analyse(unit, modules):
    """Fill unit.binds/changes/uses from its source (modules: names bound by imports)."""
    try:
        tree = ast.parse(_python(unit.source))
    except SyntaxError:
        return
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
            unit.binds.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            unit.binds.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                unit.binds.add(alias.asname or alias.name.split(".")[0])
                unit.imports.add(alias.asname or alias.name.split(".")[0])
        elif isinstance(node, (ast.Attribute, ast.Subscript)) and isinstance(node.ctx, ast.Store):
            base = _base_name(node)
            if base:
                unit.changes.add(base)
        elif isinstance(node, ast.AugAssign):
            base = _base_name(node.target)
            if base:
                unit.changes.add(base)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            # obj.method(...) may change obj (model.fit, rng.normal, lst.append); a module's
            # function is taken not to (test cells seed the generators they rely on).
            base = _base_name(node.func)
            if base and base not in modules:
                unit.changes.add(base)
    unit.uses = _free_names(tree) - _BUILTINS
    # Names only used inside the statement (loop variables, locals of a function it
    # defines) are not bindings that later statements read.
    unit.changes &= unit.uses | unit.binds


def split_statements(source):
    """Top-level statements of a cell as source strings (the whole cell if it cannot be parsed)."""
    code = _python(source)
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return [source]
    lines = code.splitlines()
    out = []
    for node in tree.body:
        start = min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])]) - 1
        out.append("\n".join(lines[start:node.end_lineno]))
    return out


def units_for(solution_nb, student_nb):
    """The lab as units, in notebook order; solution cells hold the student's code."""
    student = {nbgrader_meta(c).get("grade_id"): c.source for c in solution_cells(student_nb)}
    tests = {id(c) for c in graded_cells(solution_nb)}
    units = []
    for cell in solution_nb.cells:
        if cell.cell_type != "code" or is_claim(cell):  # claims: the instructor's prose checks
            continue
        meta = nbgrader_meta(cell)
        if id(cell) in tests:
            units.append(Unit(cell.source, "test", meta["grade_id"], float(meta.get("points", 0))))
        elif meta.get("solution"):
            units.append(Unit(student.get(meta["grade_id"], ""), "solution", meta["grade_id"]))
        else:
            units += [Unit(s, "other") for s in split_statements(cell.source)]
    modules = set()
    for u in units:
        for node in ast.walk(ast.parse(_python(u.source)) if _parses(u.source) else ast.Module([], [])):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                modules |= {a.asname or a.name.split(".")[0] for a in node.names}
    for u in units:
        _analyse(u, modules)
    return units


def _parses(source):
    try:
        ast.parse(_python(source))
        return True
    except SyntaxError:
        return False


def slice_units(units, tests=None):
    """Indices of the units to run: solution cells, the test cells (all, or the grade_ids
    in ``tests``) and every statement they need (backward liveness)."""
    needed, keep = set(), []
    for i in range(len(units) - 1, -1, -1):
        u = units[i]
        wanted = u.kind == "solution" or (u.kind == "test" and (tests is None or u.grade_id in tests))
        if wanted or (u.kind == "other" and (u.binds | u.changes) & needed):
            keep.append(i)
            needed = (needed - (u.binds - u.changes)) | u.uses | (u.changes - u.binds)
    return sorted(keep)


def solution_inputs(units, test_index):
    """The solution cells (grade_ids) whose code a test cell's result can depend on."""
    needed, inputs = set(units[test_index].uses), set()
    for i in range(test_index - 1, -1, -1):
        u = units[i]
        # A solution cell that imports numpy again (as the submissions' files do) does not
        # change what `np` means to later cells: its imports are no input of theirs.
        binds = u.binds - u.imports if u.kind == "solution" else u.binds
        if (binds | u.changes) & needed:
            if u.kind == "solution":
                inputs.add(u.grade_id)
            if u.kind != "test":
                needed = (needed - (u.binds - u.changes)) | u.uses | (u.changes - u.binds)
    return inputs


def unchanged_tests(units, reference):
    """Test cells whose every solution input is the instructor's code, character for character.

    The notebook is deterministic (fixed seeds), so such a cell scores exactly as it does
    for the instructor solution: it is not run again.
    """
    same = {u.grade_id for u, r in zip(units, reference) if u.kind == "solution" and u.source == r.source}
    return {u.grade_id for i, u in enumerate(units)
            if u.kind == "test" and solution_inputs(units, i) <= same}


def _threaded_names(units):
    """Names bound by importing TensorFlow/Keras, and everything computed from them.

    TensorFlow starts thread pools on its first operation, and a process forked after
    that deadlocks in its next one. Importing is safe; running an op is not. Units that
    touch these names therefore never run in the parent, only in the forked children.
    """
    names = set()
    for u in units:
        for node in ast.walk(ast.parse(_python(u.source)) if _parses(u.source) else ast.Module([], [])):
            if isinstance(node, ast.Import):
                names |= {a.asname or a.name.split(".")[0] for a in node.names
                          if a.name.split(".")[0] in ("tensorflow", "keras")}
            elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in ("tensorflow", "keras"):
                names |= {a.asname or a.name for a in node.names}
    imported = set(names)
    for u in units:  # in notebook order: whatever is computed from them is threaded too
        if (u.uses | u.changes) & names:
            names |= (u.binds | u.changes) - imported
    return names - imported, imported


def parent_safe(unit, threaded, tf_modules):
    """True if the unit can run before the fork: it runs no TensorFlow operation."""
    return not (unit.uses | unit.changes) & (threaded | tf_modules)


def shared_units(units, keep, first, student_names=()):
    """Kept units after ``first`` that no student code can influence, safe to run early.

    A unit is shared when it reads nothing that a solution cell binds (directly or through
    other units), and running it before the solution cells cannot change what an earlier
    solution or test cell sees (it rebinds nothing they read). Shared units run once in
    the parent, before the fork, in their notebook order.
    """
    student_names = set(student_names).union(*(u.binds for u in units if u.kind == "solution"))
    read_by_student_units = set()
    shared = []
    for i in keep:
        u = units[i]
        if i < first:
            continue
        if u.kind != "other" or (u.uses | u.changes) & student_names \
                or (u.binds | u.changes) & read_by_student_units:
            if u.kind == "other":
                student_names |= u.binds | u.changes
            read_by_student_units |= u.uses | u.changes
        else:
            shared.append(i)
    return shared


# ---------------------------------------------------------------- running

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
    """Run source in the shell; return (error or None, stderr text, result value)."""
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
    if result is None:
        return "Timeout: cell interrupted", err.getvalue(), None
    exc = result.error_before_exec or result.error_in_exec
    if exc is not None:
        if isinstance(exc, KeyboardInterrupt):
            return f"interrupted after the {timeout:g} s cell limit", err.getvalue(), None
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
        return f"{type(exc).__name__}: {first}", err.getvalue(), None
    return None, err.getvalue(), result.result


def _score(points, error, stderr, value, ignore):
    """nbgrader's determine_grade for a test cell, on what the cell produced."""
    if ignore and stderr and re.search(ignore, stderr):
        stderr = ""
    if error is not None or stderr:
        return 0.0
    if value is not None:
        try:
            return float(repr(value).strip("'\""))  # nbgrader: a number shown is the grade
        except ValueError:
            return points
    return points


def _grade_in_child(units, keep, timeout, ignore):
    shell = _shell()
    verdicts = {}
    for i in keep:
        u = units[i]
        error, stderr, value = _run(shell, u.source, timeout)
        if u.kind == "test":
            score = _score(u.points, error, stderr, value, ignore)
            message = error or (stderr.strip().splitlines()[-1] if stderr.strip() else "")
            verdicts[u.grade_id] = {"score": score, "max": u.points, "message": message[:300]}
    return verdicts


def grade(lab, students, jobs=None, timeout=None):
    """Grade student notebooks of a lab; returns {student: {grade_id: verdict}}.

    ``students`` maps a name to a notebook in the release's structure (as submitted).
    Each verdict is a dict with ``score``, ``max`` and ``message``.
    """
    solution_nb = read(notebook_path(lab))
    timeout = float(timeout or _config_value("Execute.timeout", 30))
    ignore = _config_value("IgnorePattern.pattern", "") if _config_value("IgnorePattern.enabled", False) else ""
    jobs = jobs or os.cpu_count() or 1
    limit = float(_config_value("Execute.timeout", 30)) * 3  # a whole submission, wall clock
    students = dict(students)
    asked = list(students)
    if SOLUTION not in students:  # the reference every unchanged test cell is scored from
        release = read(notebook_path(lab, release=True))
        students[SOLUTION] = fill_solutions(release, solution_nb)
    reference = units_for(solution_nb, students[SOLUTION])
    plans, reused = {}, {}
    for name, nb in students.items():
        units = units_for(solution_nb, nb)
        reused[name] = set() if name == SOLUTION else unchanged_tests(units, reference)
        tests = {u.grade_id for u in units if u.kind == "test"} - reused[name]
        plans[name] = (units, slice_units(units, tests))
    first = min(i for units, _ in plans.values() for i, u in enumerate(units) if u.kind != "other")
    test_ids = [nbgrader_meta(c)["grade_id"] for c in graded_cells(solution_nb)]
    points = {nbgrader_meta(c)["grade_id"]: float(nbgrader_meta(c).get("points", 0))
              for c in graded_cells(solution_nb)}

    # The common prefix (everything before the first solution cell) runs once, here in a
    # child of ours that then forks one process per submission.
    read_end, write_end = os.pipe()
    server = os.fork()
    if server == 0:
        os.close(read_end)
        code = 0
        try:
            os.chdir(notebook_path(lab).parent)
            shell = _shell()
            units, keep = plans[SOLUTION] if SOLUTION in plans else next(iter(plans.values()))
            bound = set().union(*(u.binds for us, _ in plans.values() for u in us if u.kind == "solution"))
            threaded, tf_modules = _threaded_names(units)
            early = []
            for i in list(range(first)) + shared_units(units, keep, first, bound):
                if parent_safe(units[i], threaded, tf_modules) and not (units[i].uses & set().union(
                        *(units[j].binds for j in range(i) if j not in early and units[j].kind == "other"))):
                    early.append(i)
            for i in early:
                _run(shell, units[i].source, timeout)
            done = set(early)
            running = {}
            queue = list(plans.items())
            with os.fdopen(write_end, "w") as out:
                while queue or running:
                    while queue and len(running) < jobs:
                        name, (units, keep) = queue.pop(0)
                        r, w = os.pipe()
                        pid = os.fork()
                        if pid == 0:
                            os.close(r)
                            try:
                                verdicts = _grade_in_child(units, [i for i in keep if i not in done],
                                                           timeout, ignore)
                                payload = json.dumps(verdicts)
                            except BaseException:  # the report must come back whatever happens
                                payload = json.dumps({"__crash__": traceback.format_exc()[-500:]})
                            with os.fdopen(w, "w") as f:
                                f.write(payload)
                            os._exit(0)
                        os.close(w)
                        running[pid] = (name, os.fdopen(r), time.monotonic() + limit)
                    pid, status = os.waitpid(-1, os.WNOHANG)
                    if pid == 0:
                        # A process stuck in native code ignores the per-cell alarm: kill it
                        # when the whole submission has run past its limit.
                        for cpid, (_, _, deadline) in running.items():
                            if time.monotonic() > deadline:
                                os.kill(cpid, signal.SIGKILL)
                        time.sleep(0.05)
                        continue
                    if pid not in running:
                        continue
                    name, pipe, _ = running.pop(pid)
                    text = pipe.read()
                    pipe.close()
                    out.write(json.dumps({"student": name, "status": status, "report": text}) + "\n")
                    out.flush()
        except BaseException:
            traceback.print_exc()
            code = 1
        os._exit(code)
    os.close(write_end)
    results = {}
    with os.fdopen(read_end) as pipe:
        for line in pipe:
            rec = json.loads(line)
            try:
                verdicts = json.loads(rec["report"]) if rec["report"] else {}
            except json.JSONDecodeError:
                verdicts = {}
            reason = verdicts.pop("__crash__", None) or (
                f"the process died (status {rec['status']})" if not verdicts else "")
            for gid in test_ids:  # a crash fails every cell it did not reach
                verdicts.setdefault(gid, {"score": 0.0, "max": points[gid],
                                          "message": reason or "not run"})
            results[rec["student"]] = verdicts
    os.waitpid(server, 0)
    missing = set(students) - set(results)
    if missing:
        raise RuntimeError(f"the grading processes gave no result for {sorted(missing)}")
    for name in students:
        for gid in reused[name]:
            results[name][gid] = dict(results[SOLUTION][gid])
    return {name: results[name] for name in asked}


# ---------------------------------------------------------------- submissions of a lab

def lab_students(lab, release_nb=None):
    """The solution, the blank release and every case of tests/submissions/<lab>/, as notebooks.

    Returns ``(students, cases)``: name -> notebook, and case stem -> (name, parsed case).
    """
    release_nb = release_nb or read(notebook_path(lab, release=True))
    filled = fill_solutions(release_nb, read(notebook_path(lab)))
    students = {SOLUTION: filled, BLANK: release_nb}
    cases = {}
    for path in case_files(lab):
        case = parse_case(path)
        name = "case-" + path.stem.replace("_", "-")
        students[name] = apply_case(filled, case)
        cases[path.stem] = (name, case)
    return students, cases


def combine_cases(cases, most=None, prefix="wrong_"):
    """Pack submissions into combined ones: no two share a function or a lost cell.

    Each combined submission holds several wrong functions at once, each failing its own
    test cells, so one nbgrader run checks many verdicts (``prefix="correct_"``: the
    correct variants, so that one run grades all of them). Returns a list of lists of
    case stems, largest first.
    """
    groups = []
    for stem, (_, case) in sorted(cases.items()):
        if not stem.startswith(prefix):
            continue
        fns, lost = set(case["functions"]), set(case["lose"])
        for group in groups:
            if not (fns & group["fns"]) and not (lost & group["lost"]):
                group["stems"].append(stem)
                group["fns"] |= fns
                group["lost"] |= lost
                break
        else:
            groups.append({"stems": [stem], "fns": fns, "lost": lost})
    groups.sort(key=lambda g: -len(g["stems"]))
    return [g["stems"] for g in groups[:most]]


def combined_notebook(filled, cases, stems):
    """The solution with every function of the given cases replaced."""
    merged = {"imports": [], "functions": {}}
    for stem in stems:
        case = cases[stem][1]
        merged["imports"] += [i for i in case["imports"] if i not in merged["imports"]]
        merged["functions"].update(case["functions"])
    return apply_case(filled, merged)


def expectation_problems(case_name, case, verdicts, ids):
    """Everything wrong with one submission's declared expectations or its verdicts."""
    problems = []
    if not case["doc"]:
        problems.append("say in a docstring what this submission is")
    if not (case["lose"] or case["keep"]):
        problems.append("no `# lose:` or `# keep:` line")
    unknown = (set(case["lose"]) | set(case["keep"])) - ids - {"rest"}
    if unknown:
        problems.append(f"unknown grade_ids {sorted(unknown)}")
    if case_name.startswith("wrong_") and not case["lose"]:
        problems.append("a wrong submission must name the tests it fails")
    if case_name.startswith("correct_") and "rest" not in case["keep"]:
        problems.append("a correct submission keeps `rest`")
    keep = set(case["keep"]) - {"rest"}
    if "rest" in case["keep"]:
        keep |= ids - set(case["lose"])
    for gid in sorted(set(case["lose"]) & ids):
        v = verdicts[gid]
        if not v["score"] < v["max"]:
            problems.append(f"{gid} should lose points, got {v['score']:g}/{v['max']:g}")
    for gid in sorted(keep & ids):
        v = verdicts[gid]
        if v["score"] != v["max"]:
            problems.append(f"{gid} should keep full marks, got {v['score']:g}/{v['max']:g} ({v['message']})")
    return [f"{case_name}: {p}" for p in problems]


def lab_problems(lab, results, cases):
    """Problems with a lab's matrix: solution not full, blank not zero, cases off."""
    ids = {nbgrader_meta(c)["grade_id"] for c in graded_cells(read(notebook_path(lab)))}
    problems = []
    for gid, v in sorted(results[SOLUTION].items()):
        if v["score"] != v["max"]:
            problems.append(f"the instructor solution lost {gid}: {v['message']}")
    for gid, v in sorted(results[BLANK].items()):
        if v["score"] != 0:
            problems.append(f"the blank release earned points on {gid}")
    for stem, (name, case) in sorted(cases.items()):
        problems += expectation_problems(stem, case, results[name], ids)
    return problems


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("lab")
    parser.add_argument("-j", "--jobs", type=int, default=None, help="processes at once (default: cores)")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every verdict")
    parser.add_argument("--extra", nargs="*", default=[], metavar="NOTEBOOK",
                        help="further submitted notebooks to grade (named by file stem)")
    parser.add_argument("--json", metavar="PATH", help="write every verdict to this JSON file")
    parser.add_argument("--no-cases", action="store_true",
                        help="grade only the --extra notebooks, not the lab's own submissions")
    args = parser.parse_args(argv)
    from nblib.runtime import quiet_tensorflow

    quiet_tensorflow()
    os.environ.setdefault("MPLBACKEND", "Agg")
    start = time.perf_counter()
    students, cases = ({}, {}) if args.no_cases else lab_students(args.lab)
    for path in args.extra:
        students[os.path.splitext(os.path.basename(path))[0]] = read(path)
    results = grade(args.lab, students, jobs=args.jobs)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=1)
    if args.verbose:
        for name in students:
            for gid, v in results[name].items():
                print(f"{name:55s} {gid:40s} {v['score']:g}/{v['max']:g}  {v['message'][:100]}")
    problems = [] if args.no_cases else lab_problems(args.lab, results, cases)
    print(f"{args.lab}: {len(students)} submissions graded in {time.perf_counter() - start:.0f} s; "
          f"{len(problems)} problem(s)")
    for p in problems:
        print("  " + p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
