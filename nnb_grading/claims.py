"""Claims: every sentence of a lab that states a computed result is checked on its output.

A course author backs such a sentence with a **claim cell** in the instructor source
(`solutions/<lab>/<lab>.ipynb`), placed next to the sentence: a code cell tagged
``claim`` whose first line quotes the words it checks and whose body asserts them on
the variables the lab computed::

    # Claim: "Lasso sets most of the 15 useless weights exactly to zero"
    assert zeros["L1 (Lasso)"] >= 8, f"Lasso zeros: {zeros['L1 (Lasso)']}"

* The quote must appear, word for word (whitespace aside), in the nearest markdown
  cell above or below the claim cell, so that editing the sentence without its claim
  (or the claim without its sentence) is noticed.
* The cell prints nothing and raises on failure. Trained results differ between
  machines: assert ranges and orderings with a margin, never exact floats.
* `nbgrader generate_assignment` drops claim cells (``TagRemovePreprocessor`` in
  `nbgrader_config.py`): students never see them and autograding never runs them.

`tests/test_claims.py` runs each lab's solution once from a fresh kernel and fails on
any claim that no longer holds. By hand::

    nnb-claims 04-training          # run one lab's claims (about a minute)
    nnb-claims --list               # count claims per lab, check the quotes
"""

import argparse
import os
import re
import sys
import tempfile

from nnb_grading.course import Course, read, run_notebook

TAG = "claim"
_QUOTE = re.compile(r'^#\s*Claim:\s*"(.+)"\s*$')


def is_claim(cell):
    return cell.cell_type == "code" and TAG in cell.get("metadata", {}).get("tags", [])


def claim_cells(nb):
    """(index, cell) of every claim cell, in notebook order."""
    return [(i, c) for i, c in enumerate(nb.cells) if is_claim(c)]


def _squash(text):
    return re.sub(r"\s+", " ", text).strip()


def quote(cell):
    """The quoted sentence on a claim cell's first line, or None."""
    first = cell.source.splitlines()[0] if cell.source else ""
    m = _QUOTE.match(first.strip())
    return m.group(1) if m else None


def _neighbour_markdown(nb, index):
    """The nearest markdown cell above and the nearest below (claim cells skipped)."""
    found = []
    for step in (-1, 1):
        i = index + step
        while 0 <= i < len(nb.cells) and nb.cells[i].cell_type != "markdown":
            i += step
        if 0 <= i < len(nb.cells):
            found.append(nb.cells[i].source)
    return found


def quote_problems(nb):
    """Claim cells without a quote, or whose quote is in neither neighbouring markdown cell."""
    problems = []
    for i, cell in claim_cells(nb):
        q = quote(cell)
        if q is None:
            problems.append(f"cell {i}: a claim cell must start with  # Claim: \"<the sentence it checks>\"")
            continue
        if not any(_squash(q) in _squash(md) for md in _neighbour_markdown(nb, i)):
            problems.append(f"cell {i}: the quote {q!r} is not in the markdown cell above or below it")
        if cell.get("outputs"):
            problems.append(f"cell {i}: a committed claim cell has outputs")
    return problems


def failures(executed_nb):
    """(quote, error line) for every claim cell that raised in an executed notebook."""
    out = []
    for i, cell in claim_cells(executed_nb):
        for o in cell.get("outputs", []):
            if o.get("output_type") == "error":
                out.append((quote(cell) or f"cell {i}", f"{o.get('ename')}: {o.get('evalue')}"))
            elif o.get("output_type") == "stream" or o.get("output_type", "").endswith("data"):
                out.append((quote(cell) or f"cell {i}", "a claim cell must print nothing"))
    return out


def other_errors(executed_nb):
    """(index, error line) for every non-claim cell that raised or wrote to stderr."""
    out = []
    for i, cell in enumerate(executed_nb.cells):
        if cell.cell_type != "code" or is_claim(cell):
            continue
        for o in cell.get("outputs", []):
            if o.get("output_type") == "error":
                out.append((i, f"{o.get('ename')}: {o.get('evalue')}"))
            elif o.get("output_type") == "stream" and o.get("name") == "stderr":
                out.append((i, "stderr: " + o.get("text", "")[:300]))
    return out


def without_claims(nb):
    """A copy of a notebook without its claim cells (what the release holds)."""
    import copy

    nb = copy.deepcopy(nb)
    nb.cells = [c for c in nb.cells if not is_claim(c)]
    return nb


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("labs", nargs="*", help="lab ids (default: all)")
    parser.add_argument("--list", action="store_true", help="count claims and check quotes only")
    parser.add_argument("--course", default=".", help="the course folder (default: here)")
    args = parser.parse_args(argv)
    from nblib.runtime import TENSORFLOW_ENV

    course = Course(args.course)
    env = dict(os.environ, **TENSORFLOW_ENV, MPLBACKEND="Agg")
    status = 0
    for lab in args.labs or course.labs:
        path = course.notebook_path(lab)
        nb = read(path)
        problems = quote_problems(nb)
        print(f"{lab}: {len(claim_cells(nb))} claims")
        for p in problems:
            print("  ", p)
        status |= bool(problems)
        if args.list:
            continue
        with tempfile.TemporaryDirectory() as home:
            executed = run_notebook(path, env=dict(env, MPLCONFIGDIR=home, KERAS_HOME=home))
        for q, err in failures(executed):
            print(f"   FAILED: \"{q}\"\n      {err}")
            status = 1
        for i, err in other_errors(executed):
            print(f"   cell {i}: {err}")
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
