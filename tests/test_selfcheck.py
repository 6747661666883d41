"""`make selfcheck` / `nnb-selfcheck`: a learner grades their own notebook with the hidden tests.

Run as a user would (the console script, from the course folder) on three copies of lab
02-perceptron, the fastest: the instructor's solution filled into the release, the blank
release, and one of the course authors' wrong submissions. Each is graded once (module
fixture, about 20 s each); the tests read the printed table and the feedback page.
"""

import re
import subprocess

import nbformat
import pytest
from bs4 import BeautifulSoup

from nnb_grading.course import is_test_cell
from nnb_grading.matrix.cases import apply_case, parse_case
from tests.harness.course import (
    BEGIN_HIDDEN, END_HIDDEN, REPO, SUBMISSIONS, command, course_env, fill_solutions, marked_blocks,
    nbgrader_meta, notebook_path, read,
)

LAB = "02-perceptron"
WRONG = "wrong_step_bool.py"
# What a self-check must never write in the course folder (the instructor's side).
INSTRUCTOR_PATHS = ["gradebook.db", "submitted", "autograded", "feedback", "reports", ".sealed"]
ROW = re.compile(r"^(?P<id>\S+)\s.*?\s(?P<got>[\d.]+|-) / (?P<max>[\d.]+)\s+(?P<result>PASS|FAIL)$")


def _snapshot():
    """Existence and modification times of the instructor's paths, recursively."""
    state = {}
    for name in INSTRUCTOR_PATHS:
        path = REPO / name
        state[name] = path.stat().st_mtime_ns if path.exists() else None
        if path.is_dir():
            state.update({str(p): p.stat().st_mtime_ns for p in path.rglob("*")})
    return state


def _test_ids():
    return [nbgrader_meta(c)["grade_id"] for c in read(notebook_path(LAB)).cells if is_test_cell(c)]


def _run(tmp_path, name, nb, *extra):
    folder = tmp_path / name
    folder.mkdir()
    path = folder / f"{LAB}.ipynb"
    nbformat.write(nb, str(path))
    before = path.read_bytes()
    proc = subprocess.run([command("nnb-selfcheck"), str(path), *extra], env=course_env(tmp_path / "home"),
                          cwd=REPO, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    rows = {m["id"]: m.groupdict() for m in map(ROW.match, proc.stdout.splitlines()) if m}
    return {"proc": proc, "rows": rows, "path": path, "unchanged": path.read_bytes() == before}


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("selfcheck")
    release, solution = read(notebook_path(LAB, release=True)), read(notebook_path(LAB))
    filled = fill_solutions(release, solution)
    case = parse_case(SUBMISSIONS / LAB / WRONG)
    before = _snapshot()
    runs = {
        "filled": _run(tmp, "filled", filled),
        "blank": _run(tmp, "blank", release, "--lab", LAB, "--feedback", str(tmp / "blank-feedback.html")),
        "wrong": _run(tmp, "wrong", apply_case(filled, case)),
    }
    runs["blank"]["feedback"] = tmp / "blank-feedback.html"
    for name in ("filled", "wrong"):
        runs[name]["feedback"] = runs[name]["path"].parent / "feedback" / f"{LAB}.html"
    return {"runs": runs, "case": case, "before": before, "after": _snapshot(), "filled": filled,
            "release": release, "solution": solution}


@pytest.mark.slow
def test_solution_gets_full_marks(checked):
    run = checked["runs"]["filled"]
    assert set(run["rows"]) == set(_test_ids())
    assert all(r["result"] == "PASS" and r["got"] == r["max"] for r in run["rows"].values()), run["proc"].stdout
    assert "total: 11 / 11 points (6 of 6 tests passed)" in run["proc"].stdout


@pytest.mark.slow
def test_blank_release_fails_every_test_with_a_message(checked):
    run = checked["runs"]["blank"]
    assert set(run["rows"]) == set(_test_ids())
    lines = run["proc"].stdout.splitlines()
    for grade_id, row in run["rows"].items():
        assert row["result"] == "FAIL" and row["got"] == "0", row
        message = lines[next(i for i, line in enumerate(lines) if line.startswith(grade_id + " ")) + 1].strip()
        assert re.match(r"\w+: \S", message), f"{grade_id}: no failure message: {message!r}"
    assert "total: 0 / 11 points (0 of 6 tests passed)" in run["proc"].stdout


@pytest.mark.slow
def test_wrong_submission_fails_what_it_declares(checked):
    run, lose = checked["runs"]["wrong"], set(checked["case"]["lose"])
    assert lose, "the case declares no lost test"
    failed = {grade_id for grade_id, row in run["rows"].items() if row["result"] == "FAIL"}
    assert failed == lose, run["proc"].stdout


@pytest.mark.slow
def test_hidden_tests_never_shown(checked):
    public = "\n".join(c.source for nb in (checked["release"], checked["filled"]) for c in nb.cells)
    hidden = {line.strip() for cell in checked["solution"].cells
              for block in marked_blocks(cell.source, BEGIN_HIDDEN, END_HIDDEN) for line in block}
    # A line the release shows anyway (a shared helper call, say) is public.
    hidden = {line for line in hidden if len(line) >= 8 and line not in public}
    assert len(hidden) > 20
    for name, run in checked["runs"].items():
        page = BeautifulSoup(run["feedback"].read_text(encoding="utf-8"), "html.parser").get_text()
        for where, text in (("output", run["proc"].stdout + run["proc"].stderr), ("feedback page", page)):
            shown = sorted(line for line in hidden if line in text)
            assert not shown, f"{name}: the {where} shows hidden test lines: {shown[:3]}"


@pytest.mark.slow
def test_feedback_page_has_the_score(checked):
    for name, total in (("filled", "11.0 / 11.0"), ("blank", "0.0 / 11.0")):
        run = checked["runs"][name]
        assert f"feedback page: {run['feedback']}" in run["proc"].stdout
        text = BeautifulSoup(run["feedback"].read_text(encoding="utf-8"), "html.parser").get_text()
        assert f"{LAB} (Score: {total})" in text


@pytest.mark.slow
def test_course_folder_and_notebook_untouched(checked):
    assert checked["before"] == checked["after"], "a self-check wrote to the course's grading folders"
    assert all(run["unchanged"] for run in checked["runs"].values()), "the learner's notebook was changed"
    # Beside the notebook: the notebook and its feedback page, nothing else.
    assert sorted(p.name for p in checked["runs"]["filled"]["path"].parent.iterdir()) == [f"{LAB}.ipynb", "feedback"]


def test_make_selfcheck_runs_the_cli_on_the_release():
    proc = subprocess.run(["make", "-n", "selfcheck", f"LAB={LAB}", "-o", ".venv/.installed-instructor",
                           "-o", ".venv/.installed-student"], cwd=REPO, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert f'nnb-selfcheck "notebooks/{LAB}/{LAB}.ipynb" --lab "{LAB}"' in proc.stdout
    usage = subprocess.run(["make", "-s", "selfcheck", "-o", ".venv/.installed-instructor",
                            "-o", ".venv/.installed-student"], cwd=REPO, capture_output=True, text=True)
    assert usage.returncode != 0 and "usage: make selfcheck LAB=" in usage.stdout


def test_cli_usage_errors(tmp_path):
    proc = subprocess.run([command("nnb-selfcheck"), str(tmp_path / "missing.ipynb")], cwd=REPO,
                          capture_output=True, text=True)
    assert proc.returncode == 2 and "no such notebook" in proc.stderr


@pytest.mark.slow  # a few seconds: it reads the course's nbgrader configuration
def test_cli_asks_for_the_lab_when_the_name_does_not_say(tmp_path):
    other = tmp_path / "my-work.ipynb"
    nbformat.write(read(notebook_path(LAB, release=True)), str(other))
    proc = subprocess.run([command("nnb-selfcheck"), str(other)], cwd=REPO, capture_output=True, text=True)
    assert proc.returncode == 1 and "pass --lab" in proc.stderr
