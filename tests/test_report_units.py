"""Unit tests of the class report (nnb_grading.report) on hand-made results.

Results are passed in (``results=``), so no gradebook is read; the failure messages
come from hand-made autograded notebooks in a throw-away course folder.
"""

import json

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook, new_output

from nnb_grading.course import Course
from nnb_grading.report import class_statistics, summary_line, write_class_report
from nnb_grading.sanitise import md_code, md_text

LAB = "01-first"
EVIL = "<img src=x onerror=alert(1)>_*bob*_|"


def _test_cell(grade_id, outputs, points=2):
    cell = new_code_cell("check()", metadata={"nbgrader": {
        "schema_version": 3, "grade_id": grade_id, "grade": True, "solution": False, "locked": True,
        "points": points}})
    cell.outputs = outputs
    return cell


def _error(text):
    return new_output("error", ename="AssertionError", evalue=text, traceback=[])


def _result(student, score, cells, **extra):
    entry = {"student": student, "ok": True, "score": score, "max_score": 4.0, "cells": cells,
             "error": None, "flags": [], "review": False}
    entry.update(extra)
    return entry


@pytest.fixture
def course(tmp_path):
    """Three graded students, one who failed to grade; autograded notebooks for two."""
    root = tmp_path / "course"
    (root / "source" / LAB).mkdir(parents=True)
    notebooks = {
        "ann": [_test_cell("t_shape", [_error("wrong shape (3,) != (3, 1)\nsecond line")]),
                _test_cell("t_value", [])],
        EVIL: [_test_cell("t_shape", [_error("wrong shape (3,) != (3, 1)")]),
               _test_cell("t_value", [new_output("stream", name="stderr", text="<script>x</script> | oops\n")])],
    }
    for student, cells in notebooks.items():
        folder = Course(root).autograded / student / LAB
        folder.mkdir(parents=True)
        nbformat.write(new_notebook(cells=[new_code_cell("x = 1"), *cells]), str(folder / f"{LAB}.ipynb"))
    return root


def _results():
    return {
        "ann": _result("ann", 2.0, {"t_shape": (0.0, 2.0), "t_value": (2.0, 2.0)}),
        EVIL: _result(EVIL, 0.0, {"t_shape": (0.0, 2.0), "t_value": (0.0, 2.0)}, review=True,
                      flags=["imports ctypes <b>"]),
        "cy": _result("cy", 4.0, {"t_shape": (2.0, 2.0), "t_value": (2.0, 2.0)}),
        "dee": {"student": "dee", "ok": False, "score": None, "max_score": None, "cells": {},
                "error": "kernel died", "flags": [], "review": False},
    }


def test_statistics_count_passes_and_frequent_failures(course):
    cells, scores, max_score = class_statistics(course, LAB, _results())
    assert sorted(scores) == [0.0, 2.0, 4.0] and max_score == 4.0   # dee was not graded
    shape, value = cells["t_shape"], cells["t_value"]
    assert (shape["passed"], shape["graded"], shape["points"]) == (1, 3, 2.0)
    assert (value["passed"], value["graded"]) == (2, 3)
    # The first line of each error, counted across students.
    assert shape["failures"].most_common() == [("AssertionError: wrong shape (3,) != (3, 1)", 2)]
    assert value["failures"].most_common() == [("wrote to stderr: <script>x</script> | oops", 1)]


def test_a_failure_without_an_autograded_notebook_counts_but_has_no_message(course):
    results = {"eve": _result("eve", 0.0, {"t_shape": (0.0, 2.0)})}
    cells, _, _ = class_statistics(course, LAB, results)
    assert cells["t_shape"]["graded"] == 1 and cells["t_shape"]["passed"] == 0
    assert not cells["t_shape"]["failures"]


def test_summary_line_counts_graded_failed_and_flagged():
    line = summary_line(_results(), seconds=125)
    assert line == f"graded 3/4, failed to grade 1 (dee: kernel died), flagged for review 1 ({EVIL}), 2 min 5 s"
    clean = {"cy": _results()["cy"]}
    assert summary_line(clean) == "graded 1/1, flagged for review 0"


def test_class_report_has_pass_rates_failures_and_a_histogram(course):
    path = write_class_report(course, LAB, results=_results(), seconds=60)
    out = Course(course).reports / LAB
    assert path == out / "class-report.md"
    assert (out / "scores.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert set(json.loads((out / "class-results.json").read_text())) == set(_results())
    report = path.read_text()
    assert "3 students graded; mean 2.00, median 2, out of 4." in report
    rows = [line for line in report.splitlines() if line.startswith("| t_")]
    # Hardest cell first.
    assert rows[0] == f"| t_shape | 2 | 33% | 2x {md_code('AssertionError: wrong shape (3,) != (3, 1)')} |"
    assert rows[1].startswith("| t_value | 2 | 67% | 1x ")
    assert "| 0 | 1 |" in report and "| 4 | 1 |" in report  # the score table


def _rendered(markdown):
    """The report as an unsanitising viewer renders it (raw HTML passed through, GFM tables)."""
    from bs4 import BeautifulSoup
    from markdown_it import MarkdownIt
    return BeautifulSoup(MarkdownIt("commonmark", {"html": True}).enable("table").render(markdown), "html.parser")


def test_student_names_and_messages_cannot_inject_markup(course):
    report = write_class_report(course, LAB, results=_results()).read_text()
    soup = _rendered(report)
    assert [t["src"] for t in soup.find_all("img")] == ["scores.png"]
    assert not soup.find_all(["script", "b", "em", "a"])
    # The name shows as written, in bold; the flag's text too.
    review = [li.get_text() for li in soup.find_all("li")]
    assert f"{EVIL} (integrity/{EVIL}.json): imports ctypes <b>" in review
    assert [s.get_text() for s in soup.find_all("strong")] == [EVIL, "dee"]
    assert any("kernel died" in item for item in review)   # failed to grade: to review
    # A "|" in a message would split the table row: it stays inside the code span.
    row = next(tr for tr in soup.find_all("tr") if tr.td and tr.td.get_text() == "t_value")
    assert [td.get_text() for td in row.find_all("td")][3] == "1x wrote to stderr: <script>x</script> | oops"
    assert md_text(EVIL) in report


def test_a_class_with_nobody_graded_still_gets_a_report(course):
    results = {"dee": _results()["dee"]}
    report = write_class_report(course, LAB, results=results).read_text()
    assert "## Scores" not in report and not (Course(course).reports / LAB / "scores.png").exists()
    assert "graded 0/1, failed to grade 1 (dee: kernel died)" in report
