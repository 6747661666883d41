"""The real grading pipeline, end to end, with nbgrader's own commands.

For each lab, in a throw-away course folder: generate the student release, submit
the instructor solution, the blank release and every case in tests/submissions/<lab>/,
autograde them all in one `nbgrader autograde` run, then read the gradebook.

* the instructor solution scores full marks, the blank release scores 0 everywhere;
* each `wrong_*` case loses points on the test cells it names (`# lose:`) and keeps
  full marks where it says so (`# keep:`); each `correct_*` case keeps full marks;
* every graded test cell is failed by at least one plausible mistake;
* feedback shows scores and failure messages but none of the hidden tests' source;
* a deleted test cell is put back and graded;
* a student's infinite loop is interrupted and the rest of the notebook is graded.
"""

import html
import json
import re

import nbformat

import pytest
from nbtools import (
    BEGIN_HIDDEN, END_HIDDEN, LABS, apply_case, case_files, fill_solutions, graded_cells,
    make_course, marked_blocks, notebook_path, parse_case, read, run_nbgrader, course_env,
)

pytestmark = pytest.mark.slow

SOLUTION, BLANK, DELETED = "instructor-solution", "blank-release", "deleted-test-cell"
_RESULTS = {}


def _write_submission(course, student, lab, nb):
    folder = course / "submitted" / student / lab
    folder.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, str(folder / f"{lab}.ipynb"))


def _scores(course, lab, students):
    from nbgrader.api import Gradebook

    out = {}
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        for student in students:
            sub = gb.find_submission_notebook(lab, lab, student)
            out[student] = {g.name: (g.auto_score, g.max_score, g.needs_manual_grade)
                            for g in sub.grades}
    return out


def round_trip(lab, tmp_path_factory):
    """Generate, submit and autograde every submission of `lab` (once per process)."""
    if lab in _RESULTS:
        return _RESULTS[lab]
    root = tmp_path_factory.mktemp(f"course-{lab}")
    course = make_course(root / "course", [lab])
    env = course_env(root / "home")
    run_nbgrader(["generate_assignment", lab, "--force"], course, env)
    release = read(course / "notebooks" / lab / f"{lab}.ipynb")
    filled = fill_solutions(release, read(notebook_path(lab)))

    students = {SOLUTION: filled, BLANK: release}
    # A correct submission whose first test cell was deleted by the student.
    deleted = nbformat.from_dict(json.loads(json.dumps(filled)))
    first_test = graded_cells(deleted)[0]
    deleted.cells.remove(first_test)
    students[DELETED] = deleted
    cases = {}
    for path in case_files(lab):
        case = parse_case(path)
        student = "case-" + path.stem.replace("_", "-")
        students[student] = apply_case(filled, case)
        cases[path.stem] = (student, case)
    for student, nb in students.items():
        _write_submission(course, student, lab, nb)

    proc = run_nbgrader(["autograde", lab, "--force"], course, env, check=False)
    assert proc.returncode == 0, f"autograde failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-6000:]}"
    result = {
        "deleted": first_test.metadata.nbgrader.grade_id,
        "course": course, "env": env, "release": release, "cases": cases,
        "scores": _scores(course, lab, students), "log": proc.stderr,
    }
    _RESULTS[lab] = result
    return result


def _graded_ids(lab):
    return [c.metadata.nbgrader.grade_id for c in graded_cells(read(notebook_path(lab)))]


def _describe(scores):
    return ", ".join(f"{k}={v[0]}/{v[1]}" for k, v in sorted(scores.items()))


def _case_problems(case_name, case, scores, ids):
    """Everything that is wrong with one submission's declared expectations or result."""
    problems = []
    if not case["doc"]:
        problems.append("say in a docstring what this submission is")
    if not (case["lose"] or case["keep"]):
        problems.append("no `# lose:` or `# keep:` line")
    unknown = (set(case["lose"]) | set(case["keep"])) - ids - {"rest"}
    if unknown:
        problems.append(f"unknown grade_ids {sorted(unknown)}")
    if case_name.startswith("wrong_") and not case["lose"]:
        problems.append("a wrong submission must name the tests it fails")
    if case_name.startswith("correct_") and "rest" not in case["keep"]:
        problems.append("a correct submission keeps `rest`")
    keep = set(case["keep"]) - {"rest"}
    if "rest" in case["keep"]:
        keep |= ids - set(case["lose"])
    for grade_id in sorted(set(case["lose"]) & ids):
        score, max_score, _ = scores[grade_id]
        if not score < max_score:
            problems.append(f"{grade_id} should lose points, got {score}/{max_score}")
    for grade_id in sorted(keep & ids):
        score, max_score, _ = scores[grade_id]
        if score != max_score:
            problems.append(f"{grade_id} should keep full marks, got {score}/{max_score}")
    return [f"{case_name}: {p}" for p in problems]


def _feedback_problems(lab, result):
    course, env = result["course"], result["env"]
    run_nbgrader(["generate_feedback", lab, "--force"], course, env)
    source = read(notebook_path(lab))
    # Lines that also stand outside the hidden blocks (in the release, or in a solution
    # that a submission may contain verbatim) say nothing about a leak.
    public = "\n".join([c.source for c in result["release"].cells]
                       + [c.source for c in source.cells if c not in graded_cells(source)])
    hidden = set()
    for cell in graded_cells(source):
        for block in marked_blocks(cell.source, BEGIN_HIDDEN, END_HIDDEN):
            hidden |= {ln.strip() for ln in block
                       if len(ln.strip()) >= 12 and ln.strip() not in public}
    problems = [] if hidden else ["no hidden tests found to look for"]
    pages = sorted((course / "feedback").glob(f"*/{lab}/{lab}.html"))
    if len(pages) != len(result["scores"]):
        problems.append(f"{len(pages)} feedback pages for {len(result['scores'])} submissions")
    failed_somewhere = False
    for page in pages:
        who = page.parent.parent.name
        text = html.unescape(re.sub(r"<[^>]+>", "", page.read_text()))
        if "HIDDEN TESTS" in text:
            problems.append(f"{who}: hidden-test marker in feedback")
        leaked = [ln for ln in hidden if ln in text]
        if leaked:
            problems.append(f"{who}: hidden test source in feedback: {leaked[:3]}")
        if not re.search(r"Score:\s*[\d.]+\s*/\s*[\d.]+", text):
            problems.append(f"{who}: no score shown in feedback")
        failed_somewhere |= "CheckError" in text
    if not failed_somewhere:
        problems.append("no feedback page shows a failed check")
    return problems


@pytest.mark.parametrize("lab", LABS)
def test_every_graded_cell_rejects_a_plausible_mistake(lab):
    cases = {p.stem: parse_case(p) for p in case_files(lab)}
    challenged = {g for name, c in cases.items() if name.startswith("wrong_") for g in c["lose"]}
    missing = set(_graded_ids(lab)) - challenged
    assert not missing, f"no wrong_* submission fails {sorted(missing)}"
    assert any(name.startswith("correct_") for name in cases), \
        "add at least one correct-but-different submission"


@pytest.mark.parametrize("lab", LABS)
def test_autograde_round_trip(lab, tmp_path_factory):
    """One nbgrader run per lab grades every submission; all expectations checked at once."""
    result = round_trip(lab, tmp_path_factory)
    ids = set(_graded_ids(lab))
    problems = []
    for student, scores in result["scores"].items():
        if set(scores) != ids:
            problems.append(f"{student}: graded cells {sorted(scores)} differ from the lab's {sorted(ids)}")

    solution = result["scores"][SOLUTION]
    lost = {k: v for k, v in solution.items() if v[0] != v[1] or v[2]}
    if lost:
        problems.append(f"the instructor solution lost points: {_describe(lost)}")
    earned = {k: v for k, v in result["scores"][BLANK].items() if v[0] != 0}
    if earned:
        problems.append(f"the blank release earned points: {_describe(earned)}")
    deleted = result["scores"][DELETED]
    score, max_score, manual = deleted[result["deleted"]]
    if score != max_score or manual:
        problems.append(f"a deleted test cell was not restored and graded: {score}/{max_score}, manual={manual}")

    for case_name, (student, case) in sorted(result["cases"].items()):
        problems += _case_problems(case_name, case, result["scores"][student], ids)
    problems += _feedback_problems(lab, result)
    assert not problems, f"{len(problems)} problem(s):\n" + "\n".join(problems)


@pytest.mark.parametrize("lab", ["01-regression"])
def test_infinite_loop_is_interrupted_and_the_rest_graded(lab, tmp_path_factory):
    if lab not in LABS:
        pytest.skip(f"{lab} not present")
    root = tmp_path_factory.mktemp("course-timeout")
    course = make_course(root / "course", [lab])
    env = course_env(root / "home")
    run_nbgrader(["generate_assignment", lab, "--force"], course, env)
    release = read(course / "notebooks" / lab / f"{lab}.ipynb")
    filled = fill_solutions(release, read(notebook_path(lab)))
    looping = {"imports": [], "functions": {
        "mse": "def mse(y_true, y_pred):\n    while True:\n        pass\n"}}
    _write_submission(course, "student-loops", lab, apply_case(filled, looping))
    # A short limit keeps the test quick; the configured one is checked in test_config.
    run_nbgrader(["autograde", lab, "--force", "--Execute.timeout=40"], course, env)
    scores = _scores(course, lab, ["student-loops"])["student-loops"]
    assert scores["test_mse"][0] == 0
    for independent in ("test_sigmoid", "test_sigmoid_no_overflow", "test_predict_logistic"):
        assert scores[independent][0] == scores[independent][1], f"{independent} was not graded"
