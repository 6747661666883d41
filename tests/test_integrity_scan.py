"""Unit tests of the integrity scan (nnb_grading.integrity): code read, never run.

Hand-built notebooks only: no kernel, no nbgrader run.
"""

import json

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from nnb_grading.integrity import (
    drop_duplicate_ids, intake_findings, read_submission, scan_code, scan_notebook, strip_unknown_graded_cells,
)


def _severities(source, **kwargs):
    return {(f["severity"], f["detail"]) for f in scan_code(source, "cell 3", **kwargs)}


@pytest.mark.parametrize("source, detail", [
    ("x = __builtins__", "uses __builtins__"),
    ("import sys\nsys.modules['numpy'] = None", "uses sys.modules"),
    ("from sys import modules", "imports sys.modules"),
    ("shell = get_ipython()", "uses get_ipython"),
    ("exec('x = 1')", "uses exec"),
    ("import ctypes", "imports ctypes"),
    ("import gc\nobjects = gc.get_objects()", "imports gc"),
    ("from gc import get_objects", "imports gc"),
    ("f = check.__globals__", "uses .__globals__"),
    ("object.__setattr__(a, 'x', 1)", "calls object.__setattr__"),
])
def test_reaching_into_the_grader_is_tamper(source, detail):
    assert ("tamper", detail) in _severities(source)


def test_an_alias_of_sys_does_not_hide_sys_modules():
    assert ("tamper", "uses sys.modules") in _severities("import sys as s\ns.modules['numpy'] = None")


def test_an_alias_of_sys_from_another_cell_is_followed():
    release = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("import numpy as np")])
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("import sys as s"),
                                         nbformat.v4.new_code_cell("s.excepthook = print")])
    assert any(f["detail"] == "uses sys.excepthook" for f in scan_notebook(nb, release))


@pytest.mark.parametrize("source, detail", [
    ("f = open('answers.txt', 'w')", "calls open()"),
    ("class Always:\n    def __eq__(self, other):\n        return True", "defines __eq__ (custom comparison or numpy protocol)"),
    ("class Fake(np.ndarray):\n    pass", "class Fake subclasses np.ndarray"),
    ("import foo", "imports foo, which the labs do not use"),
])
def test_legal_but_suspicious_code_is_review(source, detail):
    found = _severities(source)
    assert ("review", detail) in found
    assert not any(severity == "tamper" for severity, _ in found)


def test_redefining_a_name_the_tests_use_is_review():
    found = _severities("def check_close(a, b):\n    return True\nnp = None", protected_names={"check_close", "np"})
    assert ("review", "redefines check_close, which the test cells use") in found
    assert ("review", "redefines np, which the test cells use") in found


def test_changing_an_imported_module_is_review():
    found = _severities("np.allclose = lambda *a, **k: True", modules={"np"})
    assert ("review", "changes the module attribute np.allclose") in found


def test_clean_numpy_code_has_no_finding():
    source = """\
%matplotlib inline
import numpy as np
from collections import Counter


def relu(x):
    # A comment mentioning exec and __builtins__ is not code.
    return np.maximum(np.asarray(x, dtype=float), 0.0)


def softmax(z, axis=-1):
    z = z - z.max(axis=axis, keepdims=True)
    e = np.exp(z)
    counts = Counter(z.shape)
    return e / e.sum(axis=axis, keepdims=True)
"""
    assert scan_code(source, "relu", protected_names={"check_close"}, modules={"np"}) == []


def test_code_that_does_not_parse_is_a_note_with_its_place():
    assert scan_code("def f(:", "cell 4") == [
        {"kind": "code", "severity": "note", "where": "cell 4", "detail": "does not parse as Python"}]


def test_a_finding_says_where_it_is():
    [found] = scan_code("x = 1\ny = eval('2')", "softmax")
    assert found == {"kind": "code", "severity": "tamper", "where": "softmax, line 2", "detail": "uses eval"}


# ---------------------------------------------------------------- notebooks

def _meta(**nbgrader):
    return {"nbgrader": {"schema_version": 3, **nbgrader}}


def _source_nb():
    nb = new_notebook(cells=[
        new_code_cell("import numpy as np\nfrom nblib.checks import check_close"),
        new_code_cell("def f(x):\n    ### BEGIN SOLUTION\n    return x\n    ### END SOLUTION",
                      metadata=_meta(grade_id="f", solution=True, grade=False, locked=False)),
        new_code_cell("check_close(f(1), 1)", metadata=_meta(grade_id="test_f", solution=False, grade=True,
                                                             locked=True, points=2)),
        new_markdown_cell("Why?", metadata=_meta(grade_id="why", solution=True, grade=True, locked=False, points=1)),
    ])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return nb


def _student_nb():
    nb = nbformat.from_dict(json.loads(json.dumps(_source_nb())))
    nb.cells[1].source = "def f(x):\n    return x"
    return nb


def test_an_unchanged_submission_has_no_intake_finding():
    assert intake_findings(_student_nb(), _source_nb()) == []


def test_invented_graded_cells_and_changed_points_are_found():
    nb = _student_nb()
    nb.cells[2].metadata.nbgrader.points = 20
    nb.cells.append(new_code_cell("pass", metadata=_meta(grade_id="bonus", solution=False, grade=True, points=50)))
    found = intake_findings(nb, _source_nb())
    details = {(f["where"], f["detail"]) for f in found}
    assert ("cell 3 (test_f)", "points changed from 2 to 20") in details
    assert ("cell 5 (bonus)", "a graded cell that is not in the assignment (50 points claimed): ignored") in details
    assert all(f["kind"] == "intake" and f["severity"] == "review" for f in found)


def test_edited_deleted_retyped_and_duplicated_cells_and_another_kernel_are_found():
    nb = _student_nb()
    nb.cells[2].source = "pass"
    nb.cells.append(nbformat.from_dict(json.loads(json.dumps(nb.cells[1]))))  # a second "f"
    nb.cells[3] = new_code_cell("why = 1", metadata=nb.cells[3].metadata)   # markdown -> code
    nb.metadata.kernelspec.name = "evil"
    details = {f["detail"] for f in intake_findings(nb, _source_nb())}
    assert {"test cell edited (the instructor's copy is graded)", "duplicates another cell with the same grade id",
            "cell type changed to code", "kernel changed to 'evil' (graded with python3)"} <= details
    nb.cells.pop(2)
    assert ("test_f", "cell deleted (the instructor's copy is graded)") in {
        (f["where"], f["detail"]) for f in intake_findings(nb, _source_nb())}


def test_strip_unknown_graded_cells_keeps_the_cell_but_not_its_grading():
    nb = _student_nb()
    nb.cells.append(new_code_cell("pass", metadata=_meta(grade_id="bonus", solution=False, grade=True, points=50)))
    strip_unknown_graded_cells(nb, _source_nb())
    assert nb.cells[-1].source == "pass" and "nbgrader" not in nb.cells[-1].metadata
    assert [c.metadata["nbgrader"]["grade_id"] for c in nb.cells if "nbgrader" in c.metadata] == ["f", "test_f", "why"]


def test_drop_duplicate_ids_keeps_the_last_copy_of_each_grade_id():
    nb = _student_nb()
    first = nb.cells[1]
    later = new_code_cell("def f(x):\n    return x + 0", metadata=json.loads(json.dumps(first.metadata)))
    nb.cells.append(later)
    drop_duplicate_ids(nb)
    assert "nbgrader" not in nb.cells[1].metadata           # nothing left behind (nbgrader #1083)
    assert nb.cells[-1].metadata["nbgrader"]["grade_id"] == "f"
    assert not any("duplicates" in f["detail"] for f in intake_findings(nb, _source_nb()))


def test_scan_notebook_reads_only_what_the_student_wrote():
    source = _source_nb()
    nb = _student_nb()
    nb.cells[1].source = "import ctypes\ndef f(x):\n    return x"
    nb.cells[2].source = "exec('pass')"   # a test cell: nbgrader grades the instructor's copy
    nb.cells.append(new_code_cell("check_close = lambda *a: None"))
    found = {(f["where"], f["severity"], f["detail"]) for f in scan_notebook(nb, source)}
    assert found == {("f, line 1", "tamper", "imports ctypes"),
                     ("cell 5, line 1", "review", "redefines check_close, which the test cells use")}


# ---------------------------------------------------------------- reading what was handed in

def test_a_truncated_notebook_is_reported_and_graded_as_empty(tmp_path):
    path = tmp_path / "01-regression.ipynb"
    path.write_text(nbformat.writes(_student_nb())[:200], encoding="utf-8")
    nb, found = read_submission(path)
    assert nb is None
    [finding] = found
    assert finding["kind"] == "intake" and finding["where"] == "01-regression.ipynb"
    assert finding["detail"].startswith("not valid JSON (") and finding["detail"].endswith("graded as an empty notebook")


def test_a_file_that_is_not_utf8_is_reported(tmp_path):
    path = tmp_path / "lab.ipynb"
    path.write_bytes(b'{"cells": "\xff\xfe"}')
    nb, [finding] = read_submission(path)
    assert nb is None and finding["detail"].startswith("not UTF-8 text")


def test_an_nbformat_3_notebook_is_converted_with_a_note(tmp_path):
    from nbformat import v3

    old = v3.new_notebook(worksheets=[v3.new_worksheet(cells=[v3.new_code_cell(input="x = 1")])])
    path = tmp_path / "lab.ipynb"
    path.write_text(v3.writes_json(old), encoding="utf-8")
    nb, found = read_submission(path)
    assert nb.nbformat == 4 and nb.cells[0].source == "x = 1"
    assert {"kind": "intake", "severity": "note", "where": "lab.ipynb", "detail": "nbformat 3 converted to 4"} in found


def test_a_valid_notebook_reads_without_findings(tmp_path):
    path = tmp_path / "lab.ipynb"
    nbformat.write(_student_nb(), str(path))
    nb, found = read_submission(path)
    assert found == [] and nb.cells[1].source == "def f(x):\n    return x"


def _invalid_notebook(tmp_path):
    raw = json.loads(nbformat.writes(_student_nb()))
    raw["cells"][0]["metadata"]["collapsed"] = "yes"   # the schema wants a boolean
    path = tmp_path / "lab.ipynb"
    path.write_text(json.dumps(raw), encoding="utf-8")
    return path


def test_an_invalid_structure_is_read_with_a_note(tmp_path):
    nb, found = read_submission(_invalid_notebook(tmp_path))
    assert nb.cells[1].source == "def f(x):\n    return x"
    assert found == [{"kind": "intake", "severity": "note", "where": "lab.ipynb",
                      "detail": "invalid notebook structure repaired"}]


def test_a_notebook_reported_as_repaired_is_valid(tmp_path):
    nb, found = read_submission(_invalid_notebook(tmp_path))
    assert any(f["detail"] == "invalid notebook structure repaired" for f in found)
    nbformat.validate(nb)
