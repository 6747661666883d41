"""What a person should review in a submission, found outside the student's kernel.

Two kinds of finding, each a dict ``{"kind", "severity", "where", "detail"}``:

- ``intake``: the notebook file itself (renamed, unreadable, an older nbformat,
  duplicated or invented graded cells, changed points, cell types or kernel, extra
  files beside it). nbgrader repairs most of these; they are reported all the same.
- ``code``: the code the student wrote or changed, read as Python syntax (never run).

Severity ``tamper`` marks constructs with no use in the labs but to reach into the
grader (``__builtins__``, ``sys.modules``, ``get_ipython``, ``exec``, ``gc``,
``ctypes``...). Severity ``review`` marks what is legal but worth a look (a class
defining ``__eq__``, redefining a check, writing files...). Either kind flags the
submission for a person and never changes its grade: reading code is not running it,
and the points come from what happened at run time (the guard, the checks, the sandbox).

Used by ``nnb_grading.sealed`` (the sealed grading unit) and ``nnb_grading.report`` (class reports).
"""

import ast
import json

import nbformat
from nbgrader.utils import is_grade

from nnb_grading.course import is_solution_cell, is_test_cell

TAMPER_NAMES = {"__builtins__", "__import__", "get_ipython", "_nnb_guard", "exec", "eval", "compile",
                "breakpoint", "__loader__", "__spec__"}
TAMPER_MODULES = {"ctypes", "gc", "builtins", "IPython", "ipykernel", "importlib", "traceback",
                  "faulthandler", "signal", "threading", "multiprocessing", "_thread", "code", "pickle",
                  "marshal", "types", "sysconfig", "site", "runpy", "zmq", "jupyter_client", "nbgrader"}
TAMPER_SYS = {"modules", "excepthook", "settrace", "setprofile", "addaudithook", "meta_path", "path_hooks",
              "displayhook", "_getframe", "unraisablehook", "__stdout__", "__stderr__"}
TAMPER_ATTRS = {"__dict__", "__class__", "__globals__", "__code__", "__closure__", "__subclasses__",
                "__setattr__", "__delattr__", "__bases__", "__mro__", "__self__", "__func__", "f_globals",
                "f_locals", "f_back", "tb_frame", "gi_frame", "__builtins__", "__defaults__", "__kwdefaults__"}
REVIEW_METHODS = {"__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__hash__", "__bool__",
                  "__len__", "__float__", "__int__", "__index__", "__array__", "__array_ufunc__",
                  "__array_function__", "__array_priority__", "__array_interface__", "__getattr__",
                  "__getattribute__", "__instancecheck__", "__subclasscheck__", "__del__"}
REVIEW_CALLS = {"open", "globals", "vars", "locals", "setattr", "delattr", "input", "print_exception"}
REVIEW_MODULES = {"os", "sys", "subprocess", "socket", "shutil", "pathlib", "urllib", "http", "requests",
                  "inspect", "tempfile", "glob", "io", "warnings", "time", "atexit", "resource"}
# Everyday notebook idioms inside otherwise suspicious packages.
SAFE_SUBMODULES = {"IPython.display"}
ALLOWED_MODULES = {"numpy", "math", "random", "itertools", "functools", "collections", "dataclasses",
                   "typing", "statistics", "matplotlib", "sklearn", "joblib", "scipy", "keras", "tensorflow", "nblib",
                   "ipywidgets", "string", "re", "operator", "copy", "fractions", "decimal", "heapq",
                   "bisect", "numbers", "abc", "enum"} | REVIEW_MODULES


def finding(kind, severity, where, detail):
    return {"kind": kind, "severity": severity, "where": where, "detail": detail}


def _root(node):
    while isinstance(node, (ast.Attribute, ast.Subscript, ast.Call)):
        node = node.value if not isinstance(node, ast.Call) else node.func
    return node.id if isinstance(node, ast.Name) else None


class _Scan(ast.NodeVisitor):
    def __init__(self, where, protected_names, modules, sys_names=("sys",)):
        self.where, self.protected, self.modules = where, protected_names, modules
        self.sys_names = set(sys_names)  # "sys" and what the notebook imports it as
        self.found = []

    def add(self, severity, detail, node):
        self.found.append(finding("code", severity, f"{self.where}, line {getattr(node, 'lineno', '?')}", detail))

    def _import(self, name, node):
        top = name.split(".")[0]
        if name in SAFE_SUBMODULES:
            return
        if top in TAMPER_MODULES:
            self.add("tamper", f"imports {name}", node)
        elif top not in ALLOWED_MODULES:
            self.add("review", f"imports {name}, which the labs do not use", node)

    def visit_Import(self, node):
        for alias in node.names:
            self._import(alias.name, node)
            if alias.name == "sys":
                self.sys_names.add(alias.asname or "sys")
            self.modules.add(alias.asname or alias.name.split(".")[0])
        self.generic_visit(node)

    def visit_ImportFrom(self, node):
        module = node.module or ""
        self._import(module or ".", node)
        if module.split(".")[0] == "sys":
            for alias in node.names:
                if alias.name in TAMPER_SYS:
                    self.add("tamper", f"imports sys.{alias.name}", node)
        self.generic_visit(node)

    def visit_Name(self, node):
        if node.id in TAMPER_NAMES:
            self.add("tamper", f"uses {node.id}", node)
        elif node.id in self.protected and isinstance(node.ctx, (ast.Store, ast.Del)):
            self.add("review", f"redefines {node.id}, which the test cells use", node)
        self.generic_visit(node)

    def visit_Attribute(self, node):
        if node.attr in TAMPER_ATTRS:
            self.add("tamper", f"uses .{node.attr}", node)
        elif _root(node) in self.sys_names and node.attr in TAMPER_SYS:
            self.add("tamper", f"uses sys.{node.attr}", node)
        elif isinstance(node.ctx, (ast.Store, ast.Del)) and _root(node) in self.modules:
            self.add("review", f"changes the module attribute {ast.unparse(node)}", node)
        self.generic_visit(node)

    def visit_FunctionDef(self, node):
        if node.name in REVIEW_METHODS:
            self.add("review", f"defines {node.name} (custom comparison or numpy protocol)", node)
        if node.name in self.protected:
            self.add("review", f"redefines {node.name}, which the test cells use", node)
        self.generic_visit(node)

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_ClassDef(self, node):
        for base in node.bases:
            name = ast.unparse(base)
            if name.split(".")[-1] in ("ndarray", "float64", "ModuleType", "dict", "float", "int", "list", "tuple"):
                self.add("review", f"class {node.name} subclasses {name}", node)
        self.generic_visit(node)

    def visit_Call(self, node):
        func = node.func
        if isinstance(func, ast.Name) and func.id in REVIEW_CALLS:
            self.add("review", f"calls {func.id}()", node)
        elif isinstance(func, ast.Attribute) and func.attr in ("__setattr__", "__setitem__") and _root(func) in ("object", "dict", "type"):
            self.add("tamper", f"calls {ast.unparse(func)}", node)
        self.generic_visit(node)


def scan_code(source, where, protected_names=(), modules=None, sys_names=("sys",)):
    """Findings in one cell's code (IPython magics and shell lines are skipped).

    ``sys_names``: the names ``sys`` is bound to (``import sys as s`` in another cell).
    """
    tree = _tree(source)
    if tree is None:
        return [finding("code", "note", where, "does not parse as Python")]
    scan = _Scan(where, set(protected_names), set() if modules is None else modules, sys_names)
    scan.visit(tree)
    return scan.found


def _meta(cell):
    return cell.get("metadata", {}).get("nbgrader", {})


def _tree(source):
    """The cell's code as a syntax tree (IPython magics and shell lines dropped), or None."""
    try:
        return ast.parse("\n".join(l for l in source.splitlines() if not l.lstrip().startswith(("%", "!"))))
    except SyntaxError:
        return None


def _imported_names(cells, kinds):
    names = set()
    for cell in cells:
        tree = _tree(cell.source) if cell.cell_type == "code" else None
        for node in ast.walk(tree) if tree else ():
            if isinstance(node, kinds):
                names |= {a.asname or a.name.split(".")[0] for a in node.names}
    return names - {"*"}


def protected_names(source_nb):
    """Names the instructor's cells import (checks, np, data...): the test cells rely on them."""
    instructor = [c for c in source_nb.cells if not is_solution_cell(c)]
    return _imported_names(instructor, (ast.Import, ast.ImportFrom))


def _module_aliases(source_nb):
    """Names the instructor's cells bind to modules (np, nblib, keras...)."""
    return _imported_names(source_nb.cells, ast.Import)


def scan_notebook(nb, source_nb):
    """Findings in every cell the student wrote or changed, compared with the release."""
    # The instructor's own cells, left as released, are not the student's code.
    locked_sources = {c.source for c in source_nb.cells if not is_solution_cell(c)}
    protected = protected_names(source_nb)
    modules = _module_aliases(source_nb)
    sys_names = {"sys"} | {alias.asname for cell in nb.cells if cell.cell_type == "code"
                           for node in ast.walk(_tree(cell.source) or ast.Module([], []))
                           if isinstance(node, ast.Import)
                           for alias in node.names if alias.name == "sys" and alias.asname}
    found = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code" or cell.source in locked_sources:
            continue
        meta = _meta(cell)
        if is_test_cell(cell):
            continue  # a test cell: nbgrader puts the instructor's copy back before running
        label = meta.get("grade_id") or f"cell {index + 1}"
        found += scan_code(cell.source, label, protected, modules, sys_names)
    return found


def intake_findings(nb, source_nb):
    """Differences in the notebook's structure that nbgrader repairs or ignores."""
    found = []
    known = {_meta(c).get("grade_id"): c for c in source_nb.cells if _meta(c).get("grade_id")}
    seen = {}
    for index, cell in enumerate(nb.cells):
        meta = _meta(cell)
        grade_id = meta.get("grade_id")
        if not grade_id:
            continue
        where = f"cell {index + 1} ({grade_id})"
        if grade_id in seen:
            found.append(finding("intake", "review", where, "duplicates another cell with the same grade id"))
            continue
        seen[grade_id] = cell
        if grade_id not in known:
            found.append(finding("intake", "review", where,
                                 f"a graded cell that is not in the assignment ({meta.get('points', 0)} points claimed): ignored"))
            continue
        ref = _meta(known[grade_id])
        if meta.get("points") != ref.get("points") and is_grade(known[grade_id]):
            found.append(finding("intake", "review", where, f"points changed from {ref.get('points')} to {meta.get('points')}"))
        if cell.cell_type != known[grade_id].cell_type:
            found.append(finding("intake", "review", where, f"cell type changed to {cell.cell_type}"))
        if is_test_cell(known[grade_id]) and cell.source != known[grade_id].source:
            found.append(finding("intake", "note", where, "test cell edited (the instructor's copy is graded)"))
    for grade_id, cell in known.items():
        if grade_id not in seen and is_grade(cell):
            found.append(finding("intake", "note", grade_id, "cell deleted (the instructor's copy is graded)"))
    kernel = nb.metadata.get("kernelspec", {}).get("name")
    if kernel != source_nb.metadata.get("kernelspec", {}).get("name"):
        found.append(finding("intake", "review", "notebook", f"kernel changed to {kernel!r} (graded with python3)"))
    return found


def strip_unknown_graded_cells(nb, source_nb):
    """Drop nbgrader metadata of cells whose grade id is not in the assignment."""
    known = {_meta(c).get("grade_id") for c in source_nb.cells}
    for cell in nb.cells:
        if _meta(cell).get("grade_id") and _meta(cell)["grade_id"] not in known:
            del cell.metadata["nbgrader"]
    return nb


def drop_duplicate_ids(nb):
    """Keep the last cell of each grade id (the student's latest copy runs last anyway).

    nbgrader's own DeduplicateIds leaves an empty ``nbgrader`` entry behind, on which
    OverwriteCells then fails for the whole submission (nbgrader issue #1083).
    """
    seen = set()
    for cell in reversed(nb.cells):
        grade_id = _meta(cell).get("grade_id")
        if grade_id in seen:
            del cell.metadata["nbgrader"]
        elif grade_id:
            seen.add(grade_id)
    return nb


def read_submission(path):
    """(notebook or None, findings): a tolerant reader for what students hand in."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return None, [finding("intake", "review", path.name, "not UTF-8 text: graded as an empty notebook")]
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as error:
        return None, [finding("intake", "review", path.name,
                              f"not valid JSON ({error.msg} at line {error.lineno}): graded as an empty notebook")]
    found = []
    major = raw.get("nbformat") if isinstance(raw, dict) else None
    invalid = {}  # nbformat validates while it reads, and tells through this dict
    try:
        nb = nbformat.reads(text, as_version=4, capture_validation_error=invalid)
    except Exception as error:  # nbformat raises several kinds for a broken notebook
        return None, [finding("intake", "review", path.name, f"not a notebook ({type(error).__name__}): graded as an empty notebook")]
    if major != 4:
        found.append(finding("intake", "note", path.name, f"nbformat {major} converted to 4"))
    if invalid:
        # normalize returns a repaired copy; strip_invalid_metadata drops values of the
        # wrong type (``"collapsed": "yes"``) that nbgrader's own validation would refuse.
        _, repaired = nbformat.validator.normalize(nb, strip_invalid_metadata=True)
        nb = nbformat.from_dict(repaired)
        try:
            nbformat.validate(nb)
            found.append(finding("intake", "note", path.name, "invalid notebook structure repaired"))
        except nbformat.ValidationError as error:
            found.append(finding("intake", "review", path.name,
                                 f"invalid notebook structure, not repairable ({error.message[:120]})"))
    return nb, found
