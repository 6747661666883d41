"""Slicing a lab notebook: which statements a submission's test cells need.

Code cells are split into top-level statements; a statement is kept only if a later
kept statement (or a solution or test cell) needs a name it binds or changes: a
backward liveness pass over the whole notebook. Also here: which test cells cannot
differ from the instructor solution's (``unchanged_tests``) and which statements may
run before the fork (``parent_safe``, ``shared_units``).
"""

import ast
import builtins
from dataclasses import dataclass, field

from nnb_grading.claims import is_claim
from nnb_grading.course import is_solution_cell, is_test_cell, nbgrader_meta, solution_cells

_BUILTINS = set(dir(builtins)) | {"display", "get_ipython", "__name__", "__file__"}


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
        elif isinstance(node, (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
            # [i * i for i in r]: the element is written first but i is bound before it runs.
            start = (node.lineno, node.col_offset)
            for generator in node.generators:
                for name in ast.walk(generator.target):
                    if isinstance(name, ast.Name):
                        note(stores, name.id, start)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            note(stores, node.name, (node.lineno, node.col_offset))
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
    units = []
    for cell in solution_nb.cells:
        if cell.cell_type != "code" or is_claim(cell):  # claims: the instructor's prose checks
            continue
        meta = nbgrader_meta(cell)
        if is_test_cell(cell):
            units.append(Unit(cell.source, "test", meta["grade_id"], float(meta.get("points", 0))))
        elif is_solution_cell(cell):
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
