"""The instructor's commands of docs/instructors.md ("Grading a lab, step by step"), in order,
through a real exchange folder.

An instructor releases the first lab, a student fetches and submits it, the instructor
collects, autogrades, generates and releases feedback, the student fetches the
feedback, and `nbgrader export` writes the grade to grades.csv.
"""

import csv

import pytest
from tests.harness.course import LABS, course_env, make_course, run_nbgrader

pytestmark = pytest.mark.slow


def test_release_collect_autograde_feedback_export(tmp_path):
    lab = LABS[0]
    course = make_course(tmp_path / "course", [lab])
    student_dir = tmp_path / "student"
    student_dir.mkdir()
    exchange = tmp_path / "exchange"
    exchange.mkdir()
    exchange.chmod(0o777)
    env = course_env(tmp_path / "home")
    ex = f"--Exchange.root={exchange}"
    course_flags = [ex, "--CourseDirectory.course_id=nn-basics"]

    run_nbgrader(["generate_assignment", lab, "--force"], course, env)
    run_nbgrader(["release_assignment", lab, ex], course, env)
    run_nbgrader(["fetch_assignment", lab, *course_flags], student_dir, env)
    fetched = student_dir / lab / f"{lab}.ipynb"
    assert fetched.exists()
    run_nbgrader(["submit", lab, *course_flags], student_dir, env)

    run_nbgrader(["collect", lab, ex], course, env)
    submitted = list((course / "submitted").glob(f"*/{lab}/{lab}.ipynb"))
    assert len(submitted) == 1
    student = submitted[0].parent.parent.name
    run_nbgrader(["autograde", lab], course, env)
    run_nbgrader(["generate_feedback", lab], course, env)
    assert (course / "feedback" / student / lab / f"{lab}.html").exists()
    run_nbgrader(["release_feedback", lab, ex], course, env)
    run_nbgrader(["fetch_feedback", lab, *course_flags], student_dir, env)
    assert list((student_dir / lab / "feedback").rglob(f"{lab}.html")), "student got no feedback"

    run_nbgrader(["export"], course, env)
    with open(course / "grades.csv", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["assignment"] == lab]
    assert [r["student_id"] for r in rows] == [student]
    # The untouched release earns nothing but is graded out of the lab's full points.
    assert float(rows[0]["score"]) == 0.0 and float(rows[0]["max_score"]) > 0
