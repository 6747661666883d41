"""Grading a class in one command (nnb_grading/classroom.py): same scores as serial nbgrader.

The same submissions of lab 02 (correct and wrong answers from tests/submissions,
plus the blank release) are graded three ways in three copies of one course:
serial ``nbgrader autograde`` as an instructor runs it, ``nnb-grade`` with
two worker processes, and the Dask engine on a local cluster of two worker
processes. Every per-cell score must agree, and the command must leave nbgrader's
layout and a class report behind.
"""

import json
import shutil
import subprocess

import nbformat
import pytest

from tests.harness import course as C
from nnb_grading.matrix.cases import apply_case, case_files, parse_case

pytestmark = pytest.mark.slow  # grades lab 02 submissions three ways (serial, processes, Dask): minutes
LAB = "02-perceptron"
PICK = ["correct_loops", "wrong_step_strict_inequality", "wrong_xor_network_or_only",
        "wrong_sigmoid_neuron_no_bias"]


def _scores(course):
    """{(student, test cell): auto score} from the course's gradebook, via nbgrader's API."""
    from nbgrader.api import Gradebook
    scores = {}
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", "nn-basics") as gb:
        for student in gb.students:
            notebook = gb.find_submission_notebook(LAB, LAB, student.id)
            scores.update({(student.id, g.name): g.auto_score for g in notebook.grades if g.max_score})
    return scores


@pytest.fixture(scope="module")
def courses(tmp_path_factory):
    base = tmp_path_factory.mktemp("class")
    first = base / "serial"
    C.make_course(first, [LAB])
    env = C.course_env(base / "home")
    C.run_nbgrader(["generate_assignment", LAB, "--force"], first, env)
    release = C.read(C.notebook_path(LAB, release=True))
    filled = C.fill_solutions(release, C.read(C.notebook_path(LAB)))
    cases = {p.stem: parse_case(p) for p in case_files(LAB, C.REPO)}
    students = {"blank": release, **{name.replace("_", "-"): apply_case(filled, cases[name]) for name in PICK}}
    for student, nb in students.items():
        folder = first / "submitted" / student / LAB
        folder.mkdir(parents=True)
        nbformat.write(nb, str(folder / f"{LAB}.ipynb"))
    copies = {}
    for name in ("parallel", "dask"):
        copies[name] = base / name
        shutil.copytree(first, copies[name])
    copies["serial"] = first
    return copies, env, sorted(students)


def test_parallel_and_dask_match_serial_nbgrader(courses):
    copies, env, students = courses
    C.run_nbgrader(["autograde", LAB, "--force"], copies["serial"], env)
    serial = _scores(copies["serial"])
    assert {s for s, _ in serial} == set(students), "serial nbgrader skipped a student"
    proc = subprocess.run([C.command("nnb-grade"), LAB, "--course", str(copies["parallel"]),
                           "--workers", "2"], cwd=C.REPO, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert f"{len(students)}/{len(students)} graded" in proc.stderr, "no progress bar"
    assert proc.stdout.startswith(f"graded {len(students)}/{len(students)}"), proc.stdout
    parallel = _scores(copies["parallel"])
    assert parallel == serial, "per-cell scores differ from serial nbgrader autograde"
    assert {v for (s, _), v in serial.items() if s == "blank"} == {0.0}
    assert any(v == 0 for (s, _), v in serial.items() if s.startswith("wrong"))
    # nbgrader's own layout: autograded notebooks, and feedback made from them.
    for student in students:
        assert (copies["parallel"] / "autograded" / student / LAB / f"{LAB}.ipynb").exists()
    C.run_nbgrader(["generate_feedback", LAB], copies["parallel"], env)
    assert len(list((copies["parallel"] / "feedback").rglob("*.html"))) == len(students)
    export = C.run_nbgrader(["export", "--to", str(copies["parallel"] / "grades.csv")], copies["parallel"], env)
    assert (copies["parallel"] / "grades.csv").read_text().count(LAB) == len(students), export.stdout
    # The class report names each test cell with its pass rate and what went wrong.
    report = (copies["parallel"] / "reports" / LAB / "class-report.md").read_text(encoding="utf-8")
    assert (copies["parallel"] / "reports" / LAB / "scores.png").stat().st_size > 1000
    for cell in ("test_step", "test_xor_network", "test_sigmoid_neuron"):
        assert f"| {cell} |" in report
    assert "not implemented yet" in report, "the blank submission's failures are missing"
    assert "5 students graded" in report

    # An instructor regrades a cell by hand (as the Formgrader does); `make report`
    # rebuilds the class report from the gradebook and shows it.
    from nbgrader.api import Gradebook
    with Gradebook(f"sqlite:///{copies['parallel'] / 'gradebook.db'}", "nn-basics") as gb:
        notebook = gb.find_submission_notebook(LAB, LAB, "wrong-sigmoid-neuron-no-bias")
        grade = next(g for g in notebook.grades if g.name == "test_sigmoid_neuron")
        assert grade.auto_score == 0
        top = grade.max_score
        grade.manual_score = top
        gb.db.commit()
    proc = subprocess.run(["make", "-o", ".venv/.installed-instructor", "report", f"LAB={LAB}", f"COURSE={copies['parallel']}"],
                          cwd=C.REPO, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    rebuilt = json.loads((copies["parallel"] / "reports" / LAB / "class-results.json").read_text())
    assert rebuilt["wrong-sigmoid-neuron-no-bias"]["cells"]["test_sigmoid_neuron"][0] == top
    assert (copies["parallel"] / "reports" / LAB / "class-report.md").read_text(encoding="utf-8") != report

    # The distributed engine: a Dask local cluster of two worker processes. (One test
    # with the above: both compare with the same serial run, which costs a minute.)
    from nnb_grading.classroom import grade_class
    results, line = grade_class(copies["dask"], LAB, engine="dask", workers=2, progress=False)
    assert line.startswith(f"graded {len(students)}/{len(students)}"), line
    assert _scores(copies["dask"]) == serial
    assert json.loads((copies["dask"] / "reports" / LAB / "class-results.json").read_text())["correct-loops"]["ok"]
