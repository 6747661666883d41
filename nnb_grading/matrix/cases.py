"""Submissions in tests/submissions/<lab>/: reading them and turning them into notebooks.

A submission file holds a docstring (what it is), `# lose:` / `# keep:` lines (the test
cells it must fail / pass; `rest` is every other one), imports and top-level functions
that replace the solution's functions of the same name.
"""

import ast
import json
import re
from pathlib import Path

import nbformat

from tools.course import SUBMISSIONS, defined_functions, solution_cells


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


def case_files(lab):
    folder = SUBMISSIONS / lab
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
    nb = nbformat.from_dict(json.loads(json.dumps(filled_nb)))
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
