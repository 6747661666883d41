"""Clean notebooks: no outputs, kernelspec python3, nbgrader metadata as the course's
grading conventions ask (docs/authors.md, "Writing a lab"), and no answer outside a
solution cell."""

import ast
import re
import textwrap

import nbformat
import pytest
from tests.harness.course import (
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
        assert "quiet_tensorflow()" in src[:first_tf], \
            "call nblib.runtime.quiet_tensorflow() before importing TensorFlow or Keras"


def _shape_tokens(source):
    """A function body as a token sequence with local names and numbers blanked out.

    Keywords, operators and attribute names (np.mean, .T) stay: they are the algorithm.
    Renaming variables or the function does not change the sequence.
    """
    import io
    import keyword
    import tokenize

    out = []
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, IndentationError):
        return out
    previous = None
    for tok in tokens:
        if tok.type in (tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT,
                        tokenize.DEDENT, tokenize.ENDMARKER) or (tok.type == tokenize.STRING):
            continue
        if tok.type == tokenize.NAME and not keyword.iskeyword(tok.string) and previous != ".":
            out.append("N")
        elif tok.type == tokenize.NUMBER:
            out.append("0")
        else:
            out.append(tok.string)
        previous = tok.string
    return out


def _function_bodies(source):
    """(name, body source) of every function defined anywhere in a cell."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef):
            body = node.body[1:] if ast.get_docstring(node) else node.body
            if body:
                out.append((node.name, "\n".join(ast.get_source_segment(source, b) for b in body)))
    return out


def _grams(tokens, n=4):
    return {tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1)}


@pytest.mark.parametrize("lab", LABS)
def test_release_holds_no_graded_algorithm_outside_solution_cells(lab):
    """No demo in the release re-implements a graded function under another name.

    Each graded solution of 40 tokens or more (between the markers) is compared, as
    token 4-grams with names and numbers blanked, with every function the release defines
    outside solution cells: a function holding 60% or more of a solution's 4-grams is a
    copy of its algorithm, whatever its names. (Short one-line answers are left out: a
    given activation such as ELU rightly looks like the graded leaky ReLU.)
    """
    source = read(notebook_path(lab))
    answers = {}
    for cell in solution_cells(source):
        for name, body in _function_bodies(cell.source):
            lines = [ln for ln in body.splitlines() if BEGIN_SOLUTION not in ln and END_SOLUTION not in ln]
            tokens = _shape_tokens(textwrap.dedent("\n".join(lines)))
            if len(tokens) >= 40:
                answers[name] = _grams(tokens)
    release = read(notebook_path(lab, release=True))
    found = []
    for i, cell in enumerate(release.cells):
        if cell.cell_type != "code" or nbgrader_meta(cell).get("solution"):
            continue
        for name, body in _function_bodies(cell.source):
            grams = _grams(_shape_tokens(textwrap.dedent(body)))
            for graded, answer in answers.items():
                share = len(answer & grams) / len(answer)
                if share >= 0.6:
                    found.append(f"cell {i}: {name} holds {share:.0%} of the graded {graded}'s code")
    assert not found, "\n".join(found)


# Words meant for the team, not for students: the lecture notes are "the lecture notes",
# a computer is "a laptop" or "a 2-core laptop".
_INTERNAL = re.compile(
    r"\bthe seeds?'|\bin the seeds\b|\bseeds? (?:notes|slides|files?|text)\b|\bseed 00\d"
    r"|\bproject(?:'s)? (?:2-core )?machine|\bthe project's\b", re.I)


@pytest.mark.parametrize("lab", LABS)
def test_release_speaks_to_students(lab):
    """No internal words in what students read (markdown and code comments alike)."""
    found = []
    for i, cell in enumerate(read(notebook_path(lab, release=True)).cells):
        for line in cell.source.splitlines():
            text = line if cell.cell_type == "markdown" else line.partition("#")[2]
            if _INTERNAL.search(text):
                found.append(f"cell {i}: {line.strip()[:140]}")
    assert not found, "internal words in the release:\n" + "\n".join(found)
