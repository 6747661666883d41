"""Every sentence that states a computed result is true on the output beside it.

Claim cells (nnb_grading/claims.py) sit in the instructor sources next to the sentences they
check. Here: their quotes are in the neighbouring prose, every paragraph that tells the
reader what they "should see" is backed by at least one claim, the release holds none,
the mechanism catches a false claim, and (slow) every claim of every lab holds on a
fresh run of the solution.
"""

import re

import nbformat
import pytest

from nnb_grading import claims
from tests.harness.course import LABS, execute_notebook, notebook_path, read

# Prose that announces a result to the reader; such a paragraph needs a claim.
_RESULT_PROSE = re.compile(r"should see|expect numbers|what to look for", re.I)


@pytest.mark.parametrize("lab", LABS)
def test_claims_quote_their_sentences(lab):
    nb = read(notebook_path(lab))
    assert claims.claim_cells(nb), f"{lab} has no claim cells"
    problems = claims.quote_problems(nb)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lab", LABS)
def test_result_paragraphs_have_claims(lab):
    """A markdown cell that tells the reader what the output shows is quoted by a claim."""
    nb = read(notebook_path(lab))
    quoted = {}
    for i, cell in claims.claim_cells(nb):
        for j, md in enumerate(nb.cells):
            if md.cell_type == "markdown" and claims._squash(claims.quote(cell) or "@@") in claims._squash(md.source):
                quoted[j] = True
    missing = [f"cell {j}: {md.source[:120]!r}" for j, md in enumerate(nb.cells)
               if md.cell_type == "markdown" and _RESULT_PROSE.search(md.source) and j not in quoted]
    assert not missing, "result prose without a claim cell:\n" + "\n".join(missing)


@pytest.mark.parametrize("lab", LABS)
def test_release_has_no_claim_cells(lab):
    release = read(notebook_path(lab, release=True))
    assert not claims.claim_cells(release), "nbgrader generate_assignment must drop claim cells"
    assert "# Claim:" not in "\n".join(c.source for c in release.cells)


def test_a_false_claim_and_a_stale_quote_are_caught(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [
        nbformat.v4.new_markdown_cell("The answer is 3."),
        nbformat.v4.new_code_cell("x = 2"),
        nbformat.v4.new_code_cell('# Claim: "The answer is 3"\nassert x == 3, f"x is {x}"'),
        nbformat.v4.new_code_cell('# Claim: "The answer is 2"\nassert x == 2'),
        nbformat.v4.new_code_cell('# Claim: "x is a number"\nprint(x)'),
        nbformat.v4.new_markdown_cell("Nothing to see."),
    ]
    for cell in nb.cells[2:5]:
        cell.metadata["tags"] = ["claim"]
    path = tmp_path / "tiny.ipynb"
    nbformat.write(nb, str(path))
    problems = claims.quote_problems(read(path))
    assert len(problems) == 2 and "'The answer is 2'" in problems[0] and "'x is a number'" in problems[1]
    failed = claims.failures(execute_notebook(path, tmp_path / "home"))
    assert [q for q, _ in failed] == ["The answer is 3", "x is a number"]
    assert "AssertionError: x is 2" in failed[0][1]
    assert "print nothing" in failed[1][1]


@pytest.mark.slow
@pytest.mark.parametrize("lab", LABS)
def test_claims_hold(lab, executed_solution):
    nb = executed_solution(lab)
    failed = claims.failures(nb)
    broken = claims.other_errors(nb)
    assert not failed and not broken, (
        f"{len(failed)} of {len(claims.claim_cells(nb))} claims fail:\n"
        + "\n".join(f'  "{q}"\n      {err}' for q, err in failed)
        + "".join(f"\n  cell {i}: {err}" for i, err in broken))
