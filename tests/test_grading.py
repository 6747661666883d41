"""Grading validity: every graded cell is proven, and the proof agrees with real nbgrader.

Two layers, so that the suite stays fast as labs are added:

* the grading matrix (nnb_grading/matrix/) grades the instructor solution, the blank release
  and every case in tests/submissions/<lab>/ against the lab's test cells, in forked
  processes that run only what those cells need. Each `wrong_*` case must lose the test
  cells it names (`# lose:`), keep the ones it names (`# keep:`); each `correct_*` case
  keeps full marks; the solution scores full, the blank release zero;
* per lab, one real `nbgrader autograde` batch, sealed as the course's config makes it
  (the solution, a combined submission that holds several wrong functions at once, one
  with a deleted test cell, and every correct_* variant) must give, cell by cell,
  exactly the matrix's scores, and flag no correct submission for review. The same batch proves that a
  deleted test cell is restored, that feedback shows scores and messages but no hidden
  test source, and, against a plain execution of the solutions notebook, that the lab
  runs cleanly (no error, nothing on stderr) and prints the same text every run.

Hostile submissions (an infinite loop, a crash, tampering...) are graded by the sealed
grader in tests/test_sealed.py.
"""

import html
import json
import re
import subprocess

import nbformat
import pytest

from tests.harness.course import (
    command,
    BEGIN_HIDDEN, END_HIDDEN, LABS, REPO, course_env, fill_solutions, graded_cells, make_course,
    marked_blocks, nbgrader_meta, notebook_path, read, run_nbgrader,
)
from nnb_grading.claims import without_claims
from nnb_grading.matrix import SOLUTION, combine_cases, combined_notebook, lab_students
from nnb_grading.matrix.cases import case_files, parse_case

pytestmark = pytest.mark.slow

COMBINED = 1          # combined wrong submissions per lab in the nbgrader batch (the largest)
_ADDRESS = re.compile(r"0x[0-9a-fA-F]+")


def _graded_ids(lab):
    return [nbgrader_meta(c)["grade_id"] for c in graded_cells(read(notebook_path(lab)))]


def _matrix(lab, home, extra=(), cases=True):
    """Run the grading matrix in its own process; return (verdicts, printed report)."""
    out = home / f"matrix-{lab}.json"
    cmd = [command("nnb-matrix"), lab, "--json", str(out), "--jobs", "2"]
    if extra:
        cmd += ["--extra", *map(str, extra)]
    if not cases:
        cmd.append("--no-cases")
    proc = subprocess.run(cmd, cwd=REPO, env=course_env(home), capture_output=True, text=True)
    report = proc.stdout + proc.stderr
    assert out.exists(), f"the grading matrix did not finish:\n{report[-4000:]}"
    return json.loads(out.read_text()), proc.returncode, report


@pytest.mark.parametrize("lab", LABS)
def test_every_graded_cell_rejects_a_plausible_mistake(lab):
    cases = {p.stem: parse_case(p) for p in case_files(lab, REPO)}
    challenged = {g for name, c in cases.items() if name.startswith("wrong_") for g in c["lose"]}
    missing = set(_graded_ids(lab)) - challenged
    assert not missing, f"no wrong_* submission fails {sorted(missing)}"
    correct = [name for name in cases if name.startswith("correct_")]
    assert len(correct) >= 2, "add at least two correct-but-different submissions"


@pytest.mark.parametrize("lab", LABS)
def test_grading_matrix(lab, tmp_path):
    """Every submission's verdicts match its declared expectations (solution full, blank 0)."""
    _, code, report = _matrix(lab, tmp_path)
    assert code == 0, report[-6000:]


# ---------------------------------------------------------------- against nbgrader

def _text_outputs(nb):
    """What a reader sees as text, cell by cell (stream chunks joined, addresses masked)."""
    seen = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        for out in cell.outputs:
            if out.output_type == "stream":
                text = _ADDRESS.sub("0x?", out.text)
                if seen and seen[-1][:3] == (i, "stream", out.name):
                    seen[-1] = (i, "stream", out.name, seen[-1][3] + text)
                    continue
            elif out.output_type == "error":
                text = f"{out.ename}: {out.evalue}"
            else:
                text = _ADDRESS.sub("0x?", str(out.get("data", {}).get("text/plain", "")))
            seen.append((i, out.output_type, out.get("name", ""), text))
    return seen


def _gradebook_scores(course, lab, students):
    from nbgrader.api import Gradebook

    out = {}
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        for student in students:
            sub = gb.find_submission_notebook(lab, lab, student)
            out[student] = {g.name: (g.auto_score, g.max_score, g.needs_manual_grade) for g in sub.grades}
    return out


def _feedback_problems(lab, course, env, release, students):
    run_nbgrader(["generate_feedback", lab, "--force"], course, env)
    source = read(notebook_path(lab))
    # Lines that also stand outside the hidden blocks (in the release, or in a solution
    # that a submission may contain verbatim) say nothing about a leak.
    public = "\n".join([c.source for c in release.cells]
                       + [c.source for c in source.cells if c not in graded_cells(source)])
    hidden = set()
    for cell in graded_cells(source):
        for block in marked_blocks(cell.source, BEGIN_HIDDEN, END_HIDDEN):
            hidden |= {ln.strip() for ln in block if len(ln.strip()) >= 12 and ln.strip() not in public}
    problems = [] if hidden else ["no hidden tests found to look for"]
    pages = sorted((course / "feedback").glob(f"*/{lab}/{lab}.html"))
    if len(pages) != len(students):
        problems.append(f"{len(pages)} feedback pages for {len(students)} submissions")
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
def test_nbgrader_agrees_with_the_matrix(lab, tmp_path, executed_solution):
    """One real nbgrader batch per lab: same scores as the matrix, restored cells, safe
    feedback; and the solution runs cleanly and reproducibly."""
    course = make_course(tmp_path / "course", [lab])
    env = course_env(tmp_path / "home")
    run_nbgrader(["generate_assignment", lab, "--force"], course, env)
    release = read(course / "notebooks" / lab / f"{lab}.ipynb")
    filled = fill_solutions(release, read(notebook_path(lab)))
    _, cases = lab_students(lab, release, course=REPO)
    groups = combine_cases(cases, most=COMBINED)
    # The blank release is graded by the matrix (test_grading_matrix); leaving it out
    # here saves a lab execution per lab.
    students = {SOLUTION: filled}
    for k, stems in enumerate(groups, 1):
        students[f"combined-{k}"] = combined_notebook(filled, cases, stems)
    # Every correct_* variant, packed into as few submissions as their functions allow:
    # graded sealed like the solution, none may be flagged for review.
    correct_groups = combine_cases(cases, prefix="correct_")
    for k, stems in enumerate(correct_groups, 1):
        students[f"correct-{k}"] = combined_notebook(filled, cases, stems)
    # The first combined submission also lost a test cell that none of its wrong
    # functions fails: nbgrader must put it back and grade it (the matrix always runs
    # the instructor's test cells, so the verdicts still compare).
    deleted = None
    if groups:
        lost = {g for stem in groups[0] for g in cases[stem][1]["lose"]}
        nb = students["combined-1"]
        for cell in graded_cells(nb):
            if nbgrader_meta(cell)["grade_id"] not in lost:
                deleted = nbgrader_meta(cell)["grade_id"]
                nb.cells.remove(cell)
                break
    paths = []
    for student, nb in students.items():
        folder = course / "submitted" / student / lab
        folder.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, str(folder / f"{lab}.ipynb"))
        paths.append(tmp_path / "matrix-input" / f"{student}.ipynb")
        paths[-1].parent.mkdir(exist_ok=True)
        nbformat.write(nb, str(paths[-1]))

    proc = run_nbgrader(["autograde", lab, "--force"], course, env, check=False)
    assert proc.returncode == 0, f"autograde failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-6000:]}"
    scores = _gradebook_scores(course, lab, students)
    verdicts, _, report = _matrix(lab, tmp_path / "home", extra=paths, cases=False)

    problems = []
    ids = set(_graded_ids(lab))
    for student in students:
        if set(scores[student]) != ids:
            problems.append(f"{student}: nbgrader graded {sorted(scores[student])}, the lab has {sorted(ids)}")
            continue
        for gid in sorted(ids):
            got, max_score, manual = scores[student][gid]
            mine = verdicts[student][gid]["score"]
            if manual or got != mine:
                problems.append(f"{student} {gid}: nbgrader {got}/{max_score} (manual={manual}), "
                                f"matrix {mine}/{max_score} ({verdicts[student][gid]['message']})")
    for gid, (got, max_score, _) in scores[SOLUTION].items():
        if got != max_score:
            problems.append(f"the instructor solution lost {gid} under nbgrader")
    if deleted:
        # Restored means graded automatically, with the matrix's score (compared above);
        # a wrong function of the same submission may legitimately cost it points.
        got, max_score, manual = scores["combined-1"].get(deleted, (None, None, True))
        if got is None or manual:
            problems.append(f"the deleted test cell {deleted} was not restored and graded")
    problems += _feedback_problems(lab, course, env, release, students)

    # The course's config seals `nbgrader autograde`: each submission has an integrity
    # report, and no correct submission is flagged for review (no false alarms).
    for student in students:
        integrity = course / "reports" / lab / "integrity" / f"{student}.json"
        if not integrity.exists():
            problems.append(f"{student}: no integrity report (was autograde sealed?)")
            continue
        flags = json.loads(integrity.read_text(encoding="utf-8"))["flags"]
        if (student == SOLUTION or student.startswith("correct-")) and flags:
            problems.append(f"{student} is correct but flagged for review: {flags}")

    # The solution, run plainly, is clean; and nbgrader's run of it printed the same text.
    # (The plain run is the instructor source, whose claim cells the release leaves out;
    # they print nothing and are checked by tests/test_claims.py.)
    plain = _text_outputs(without_claims(executed_solution(lab)))
    problems += [f"cell {i}: {kind} {text[:300]}" for i, kind, name, text in plain
                 if kind == "error" or name == "stderr"]
    graded = _text_outputs(read(course / "autograded" / SOLUTION / lab / f"{lab}.ipynb"))
    diffs = [(a, b) for a, b in zip(plain, graded) if a != b]
    if len(plain) != len(graded) or diffs:
        problems.append(f"a second run printed something else: {diffs[:3]}")
    assert not problems, f"{len(problems)} problem(s) (combined: {groups}):\n" + "\n".join(problems) \
        + f"\nmatrix:\n{report[-2000:]}"
