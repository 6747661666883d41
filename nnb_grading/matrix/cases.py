"""Course authors' test submissions (``tests/submissions/<lab>/``) as notebooks, and their verdicts.

A submission file holds a docstring (what it is), `# lose:` / `# keep:` lines (the test
cells it must fail / pass; `rest` is every other one), imports and top-level functions
that replace the solution's functions of the same name.
"""

import ast
import re
from pathlib import Path


from nnb_grading.course import Course, copy_notebook, fill_solutions, graded_cells, nbgrader_meta, read, \
    solution_cells
from nnb_grading.matrix.runner import SOLUTION

BLANK = "blank-release"


def defined_functions(source):
    """Names of the top-level functions a cell defines (none if it does not parse)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return set()
    return {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}


def parse_case(path):
    """Read a submission file: its docstring, `# lose:` / `# keep:` lists, functions."""
    text = Path(path).read_text()
    tree = ast.parse(text)
    lose, keep = [], []
    for line in text.splitlines():
        m = re.match(r"#\s*(lose|keep):\s*(.*)$", line.strip())
        if m:
            (lose if m.group(1) == "lose" else keep).extend(m.group(2).split())
    doc = ast.get_docstring(tree) or ""
    imports = [ast.get_source_segment(text, n) for n in tree.body
               if isinstance(n, (ast.Import, ast.ImportFrom))]
    functions = {n.name: ast.get_source_segment(text, n) for n in tree.body
                 if isinstance(n, ast.FunctionDef)}
    return {"doc": doc, "lose": lose, "keep": keep, "imports": imports, "functions": functions}


def case_files(lab, course=None):
    """The test submission files of a lab, sorted."""
    course = course if isinstance(course, Course) else Course(course or ".")
    folder = course.cases / lab
    return sorted(folder.glob("*.py")) if folder.is_dir() else []


def _replace_function(source, name, new_def):
    """Swap the top-level definition of ``name`` in ``source`` for ``new_def``."""
    tree = ast.parse(source)
    lines = source.splitlines()
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == name:
            start = min([node.lineno] + [d.lineno for d in node.decorator_list]) - 1
            return "\n".join(lines[:start] + new_def.splitlines() + lines[node.end_lineno:])
    raise KeyError(name)


def apply_case(filled_nb, case):
    """Replace, in the solution cells, each function the case defines; keep the rest."""
    nb = copy_notebook(filled_nb)
    todo = dict(case["functions"])
    for cell in solution_cells(nb):
        names = sorted(defined_functions(cell.source) & set(todo))
        if names:
            src = cell.source
            for name in names:
                src = _replace_function(src, name, todo.pop(name))
            cell.source = "\n".join(case["imports"] + [src]) if case["imports"] else src
    if todo:
        raise AssertionError(f"no solution cell defines {sorted(todo)}")
    return nb


# ---------------------------------------------------------------- a lab's submissions

def lab_students(lab, release_nb=None, course=None):
    """The solution, the blank release and every case of tests/submissions/<lab>/, as notebooks.

    Returns ``(students, cases)``: name -> notebook, and case stem -> (name, parsed case).
    """
    course = course if isinstance(course, Course) else Course(course or ".")
    release_nb = release_nb or read(course.notebook_path(lab, release=True))
    filled = fill_solutions(release_nb, read(course.notebook_path(lab)))
    students = {SOLUTION: filled, BLANK: release_nb}
    cases = {}
    for path in case_files(lab, course):
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


def lab_problems(lab, results, cases, course=None):
    """Problems with a lab's matrix: solution not full, blank not zero, cases off."""
    course = course if isinstance(course, Course) else Course(course or ".")
    ids = {nbgrader_meta(c)["grade_id"] for c in graded_cells(read(course.notebook_path(lab)))}
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
