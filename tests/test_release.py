"""notebooks/ is exactly what nbgrader generates from solutions/, and gives nothing away."""

import json

import pytest
from tests.harness.course import (
    BEGIN_HIDDEN, BEGIN_SOLUTION, END_HIDDEN, END_SOLUTION, LABS, RELEASE, course_env,
    execute_notebook, graded_cells, make_course, marked_blocks, nbgrader_meta, notebook_path, read,
    run_nbgrader, solution_cells,
)


def _canonical(nb):
    return json.dumps(nb, sort_keys=True, indent=1)


@pytest.mark.slow
def test_committed_release_is_what_nbgrader_generates(tmp_path):
    course = make_course(tmp_path / "course", LABS)
    env = course_env(tmp_path / "home")
    for lab in LABS:
        run_nbgrader(["generate_assignment", lab, "--force"], course, env)
    generated = sorted(p.relative_to(course / "notebooks") for p in (course / "notebooks").rglob("*")
                       if p.is_file())
    committed = sorted(p.relative_to(RELEASE) for p in RELEASE.rglob("*")
                       if p.is_file() and ".ipynb_checkpoints" not in p.parts)
    assert committed == generated, "notebooks/ has other files than nbgrader generates: run `make release`"
    for rel in generated:
        new, old = course / "notebooks" / rel, RELEASE / rel
        if rel.suffix == ".ipynb":
            assert _canonical(read(old)) == _canonical(read(new)), f"{rel} is stale: run `make release`"
        else:
            assert old.read_bytes() == new.read_bytes(), f"{rel} is stale: run `make release`"


def test_every_lab_has_a_release():
    assert LABS, "no labs in solutions/"
    for lab in LABS:
        assert notebook_path(lab, release=True).exists(), f"{lab}: run `make release`"


@pytest.mark.parametrize("lab", LABS)
def test_release_holds_no_solution_or_hidden_test(lab):
    path = notebook_path(lab, release=True)
    text = path.read_text()
    for marker in (BEGIN_SOLUTION, END_SOLUTION, BEGIN_HIDDEN, END_HIDDEN):
        assert marker not in text, f"{path}: contains {marker!r}"
    release_source = "\n".join(c.source for c in read(path).cells)
    source = read(notebook_path(lab))
    secret = []
    for cell in solution_cells(source):
        secret += [b for b in marked_blocks(cell.source, BEGIN_SOLUTION, END_SOLUTION)]
    for cell in graded_cells(source):
        secret += [b for b in marked_blocks(cell.source, BEGIN_HIDDEN, END_HIDDEN)]
    for block in secret:
        # A solution line may coincide with prose or a visible test (say `return X @ w + b`
        # quoted in a hint), so judge whole blocks: no block may survive in full.
        lines = [ln.strip() for ln in block if ln.strip() and not ln.strip().startswith("#")]
        if lines:
            assert not all(ln in release_source for ln in lines), f"{lab}: a secret block leaked: {lines[:2]}"
    release_stubs = [c for c in read(path).cells if c.get("metadata", {}).get("nbgrader", {}).get("solution")]
    for cell in release_stubs:
        assert "raise NotImplementedError()" in cell.source, f"{lab}: stub without NotImplementedError"


@pytest.mark.slow
@pytest.mark.parametrize("lab", LABS)
def test_run_all_on_the_untouched_release(lab, tmp_path):
    """What a newcomer sees after Run All before writing any code: the test cells fail
    (that is their job); every other cell runs, and a cell that needs an unfinished
    exercise says which one instead of showing a traceback."""
    nb = execute_notebook(notebook_path(lab, release=True), tmp_path / "home")
    problems = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code" or nbgrader_meta(cell).get("grade"):
            continue
        for out in cell.outputs:
            if out.output_type == "error":
                problems.append(f"cell {i}: {out.ename}: {out.evalue[:200]}")
            elif out.output_type == "stream" and out.name == "stderr":
                problems.append(f"cell {i}: stderr: {out.text[:200]}")
    assert not problems, f"{len(problems)} cell(s) outside test cells fail on the blank release:\n" + "\n".join(problems)
