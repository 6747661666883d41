"""Clean notebooks: no outputs, kernelspec python3, nbgrader metadata as COURSE.md asks."""

import ast
import re

import nbformat
import pytest
from nbtools import (
    BEGIN_HIDDEN, BEGIN_SOLUTION, END_SOLUTION, LABS, REPO, graded_cells, nbgrader_meta,
    notebook_path, read, solution_cells,
)

NOTEBOOKS = [notebook_path(lab) for lab in LABS] + [notebook_path(lab, True) for lab in LABS]


def _id(path):
    return str(path.relative_to(REPO))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_id)
def test_valid_and_clean(path):
    nb = read(path)
    nbformat.validate(nb)
    assert nb.metadata.kernelspec.name == "python3"
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code":
            assert cell.outputs == [], f"cell {i} has outputs"
            assert cell.execution_count is None, f"cell {i} has an execution count"
    ids = [c.id for c in nb.cells]
    assert len(ids) == len(set(ids)), "duplicate cell ids"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_id)
def test_grade_ids_unique_and_graded_cells_locked_with_points(path):
    nb = read(path)
    ids = [nbgrader_meta(c)["grade_id"] for c in nb.cells if nbgrader_meta(c)]
    assert len(ids) == len(set(ids)), "duplicate grade_ids"
    for gid in ids:
        assert re.fullmatch(r"[a-z][a-z0-9_]+", gid), f"grade_id {gid!r} is not descriptive snake_case"
    tests = graded_cells(nb)
    assert tests, "no graded cells"
    for cell in tests:
        meta = nbgrader_meta(cell)
        assert meta["locked"], f"{meta['grade_id']} is not locked"
        assert meta.get("points", 0) > 0, f"{meta['grade_id']} has no points"
        assert meta["grade_id"].startswith("test_"), meta["grade_id"]
        assert cell.source.startswith("# Checks "), f"{meta['grade_id']}: first line must say what it checks"


@pytest.mark.parametrize("lab", LABS)
def test_exercise_structure(lab):
    """Each solution cell defines its function and is followed by its locked test cell."""
    nb = read(notebook_path(lab))
    code = [c for c in nb.cells if c.cell_type == "code"]
    for cell in solution_cells(nb):
        meta = nbgrader_meta(cell)
        assert cell.cell_type == "code" and not meta.get("grade"), meta["grade_id"]
        assert BEGIN_SOLUTION in cell.source and END_SOLUTION in cell.source, meta["grade_id"]
        names = [n.name for n in ast.parse(cell.source).body if isinstance(n, ast.FunctionDef)]
        assert meta["grade_id"] in names, f"solution cell {meta['grade_id']} must define that function"
        nxt = code[code.index(cell) + 1]
        assert nbgrader_meta(nxt).get("grade_id", "").startswith(f"test_{meta['grade_id']}"), \
            f"{meta['grade_id']} is not followed by its test cell"
    for cell in graded_cells(nb):
        assert BEGIN_HIDDEN in cell.source, f"{nbgrader_meta(cell)['grade_id']} has no hidden tests"
        assert not re.search(r"^\s*assert\s", cell.source, re.M), \
            f"{nbgrader_meta(cell)['grade_id']}: use nblib.checks, not bare asserts"


@pytest.mark.parametrize("lab", LABS)
def test_notebook_shape(lab):
    """One H1, setup imports explicit, a summary and exercises at the end."""
    nb = read(notebook_path(lab))
    md = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert len(re.findall(r"^# ", md, re.M)) == 1, "exactly one H1"
    assert re.search(r"^##+ .*Summary", md, re.M), "no Summary section"
    assert re.search(r"^##+ .*Exercises", md, re.M), "no Exercises section"
    src = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    assert "import *" not in src
    if re.search(r"^\s*(import|from) (tensorflow|keras)", src, re.M):
        first_tf = min(src.index(m.group(0)) for m in re.finditer(r"^\s*(import|from) (tensorflow|keras).*$", src, re.M))
        for var in ("TF_CPP_MIN_LOG_LEVEL", "TF_ENABLE_ONEDNN_OPTS"):
            assert var in src[:first_tf], f"set {var} before importing TensorFlow"

