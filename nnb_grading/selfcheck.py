"""Grade your own copy of a lab with the hidden tests, through the instructor's sealed grader.

    nnb-selfcheck NOTEBOOK [--lab LAB] [--course DIR] [--feedback PATH] [--keep]

``make selfcheck LAB=<lab>`` runs it on ``notebooks/<lab>/<lab>.ipynb``. The grading is
the one ``make grade`` does (``nnb_grading.sealed.grade_submission``: sandboxed kernel,
guard, integrity report), in a throw-away nbgrader course built in a temporary folder
from the course's ``nbgrader_config.py`` and ``solutions/<lab>/``. So the course folder's
gradebook, ``submitted/``, ``autograded/``, ``feedback/`` and ``reports/`` are never
written, and the learner's notebook is only read.

It prints, per graded test cell in notebook order, the points, PASS or FAIL and for a
failure the first line of the error (``ename: evalue``, as the grader saw it), never a
test's source: nbgrader_config.py keeps tracebacks minimal for that reason. Then the
total, and the path of the feedback page (nbgrader's ``generate_feedback``, which leaves
the hidden tests out): by default ``feedback/<lab>.html`` beside the notebook (a
``feedback/`` folder is git-ignored and never collected with a submission).

Exit status 0 once the notebook is graded, whatever the score; 1 if grading could not
run; 2 for a usage error.
"""

import argparse
import os
import shutil
import sys
import tempfile
import warnings
from pathlib import Path

LEARNER = "learner"   # the throw-away course's only student


class SelfCheckError(Exception):
    """Grading could not run (not a failing test: those are results)."""


# nbgrader (and nnb_grading.course, which imports it) takes seconds to import: only once
# the command line is understood.
def _api(root):
    from nbgrader.apps import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory

    from nnb_grading.course import course_config
    config = course_config(root)
    return NbGraderAPI(CourseDirectory(config=config), config=config)


def _check(result, what):
    if not result.get("success"):
        lines = (result.get("error") or result.get("log") or "").strip().splitlines()
        raise SelfCheckError(f"{what} failed: {lines[-1] if lines else 'no details'}")


def build_course(course, lab, folder):
    """A throw-away course in ``folder``: the course's config, this lab's sources, the lab generated.

    nbgrader_config.py puts the course root and the gradebook in its own folder, so the
    copy's gradebook and nbgrader folders are all inside ``folder``.
    """
    from nnb_grading.course import Course
    course, folder = Course(course), Path(folder)
    config_file = course.root / "nbgrader_config.py"
    if not config_file.exists():
        raise SelfCheckError(f"no nbgrader_config.py in {course.root}: run from the course folder or pass --course")
    source = course.source / lab
    if not (source / f"{lab}.ipynb").exists():
        raise SelfCheckError(f"no instructor source {source / (lab + '.ipynb')}: this course copy has no "
                             f"hidden tests for {lab}")
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(config_file, folder / "nbgrader_config.py")
    temp = Course(folder)
    shutil.copytree(source, temp.source / lab,
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__", "feedback"))
    _check(_api(folder).generate_assignment(lab, force=True, create=True), f"nbgrader generate_assignment {lab}")
    return temp


def _rows(autograded_nb, cells, messages):
    """One row per graded cell in notebook order: (grade_id, heading, score, max, message or None)."""
    from nnb_grading.course import is_test_cell, nbgrader_meta
    rows, heading, seen = [], "", set()
    for cell in autograded_nb.cells:
        if cell.cell_type == "markdown":
            titles = [line.lstrip("#").strip() for line in cell.source.splitlines() if line.startswith("#")]
            heading = titles[-1].replace("`", "") if titles else heading
            continue
        grade_id = nbgrader_meta(cell).get("grade_id")
        if grade_id not in cells or grade_id in seen:
            continue
        seen.add(grade_id)
        score, max_score = cells[grade_id]
        if is_test_cell(cell):
            passed = score is not None and score >= max_score
            message = None if passed else messages.get(grade_id, "failed (no error message)")
        else:  # a manually graded answer: the instructor's
            message = "graded by hand by your instructor"
        rows.append((grade_id, heading, score, max_score, message, is_test_cell(cell)))
    return rows


def _points(value):
    return "-" if value is None else f"{value:g}"


def format_table(lab, rows, score, max_score):
    """The printed result: a line per graded cell, then the total."""
    width_id = max([len("exercise")] + [len(r[0]) for r in rows])
    width_h = min(40, max([len("section")] + [len(r[1]) for r in rows]))
    lines = [f"{'exercise':<{width_id}}  {'section':<{width_h}}  {'points':>9}  result"]
    for grade_id, heading, got, out_of, message, test in rows:
        heading = heading if len(heading) <= width_h else heading[:width_h - 1] + "…"
        result = ("PASS" if message is None else "FAIL") if test else "BY HAND"
        points = f"{_points(got if test else None)} / {_points(out_of)}"
        lines.append(f"{grade_id:<{width_id}}  {heading:<{width_h}}  {points:>9}  {result}")
        if message is not None and test:
            lines.append(f"{'':<{width_id}}    {message}")
    passed = sum(1 for r in rows if r[5] and r[4] is None)
    tests = sum(1 for r in rows if r[5])
    lines.append(f"total: {_points(score)} / {_points(max_score)} points ({passed} of {tests} tests passed)")
    return "\n".join(lines)


def selfcheck(notebook, lab, course=".", feedback=None, workdir=None, out=sys.stdout):
    """Grade ``notebook`` as lab ``lab`` in a throw-away course under ``workdir``; print the result.

    Returns the grading summary (``nnb_grading.sealed.grade_submission``'s) with
    ``rows`` and ``feedback`` (the page's path) added.
    """
    import nbformat

    from nnb_grading.course import Course
    from nnb_grading.report import failure_messages
    from nnb_grading.sealed import grade_submission

    notebook = Path(notebook).resolve()
    temp = build_course(course, lab, workdir)
    target = temp.submission_folder(LEARNER, lab) / f"{lab}.ipynb"
    target.parent.mkdir(parents=True)
    shutil.copyfile(notebook, target)   # the learner's file is only read

    summary = grade_submission(temp.root, lab, LEARNER)
    if not summary.get("ok"):
        raise SelfCheckError(f"grading failed: {summary.get('error')}")
    autograded = nbformat.read(str(temp.autograded / LEARNER / lab / f"{lab}.ipynb"), as_version=4)
    rows = _rows(autograded, summary["cells"], failure_messages(temp.root, lab, LEARNER))

    _check(_api(temp.root).generate_feedback(lab, LEARNER, force=True), "nbgrader generate_feedback")
    page = temp.root / "feedback" / LEARNER / lab / f"{lab}.html"
    if not page.exists():
        raise SelfCheckError(f"nbgrader generate_feedback wrote no {page.name}")
    dest = Path(feedback) if feedback else notebook.parent / "feedback" / f"{lab}.html"
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(page, dest)

    print(f"Self-check of {lab}: {notebook}", file=out)
    print(f"graded with the hidden tests of {Course(course).source / lab} (sealed, as `make grade` does)\n",
          file=out)
    print(format_table(lab, rows, summary["score"], summary["max_score"]), file=out)
    if summary.get("flags"):
        print("\nthe grader would ask a person to review this notebook:", file=out)
        for flag in summary["flags"]:
            print(f"  - {flag}", file=out)
    print(f"\nfeedback page: {dest}", file=out)
    return {**summary, "rows": rows, "feedback": str(dest)}


def _default_lab(notebook, course):
    from nnb_grading.course import Course
    stem = Path(notebook).stem
    if stem in Course(course).labs:
        return stem
    raise SelfCheckError(f"cannot tell the lab from the file name {Path(notebook).name!r}: pass --lab <lab id> "
                         f"(one of {', '.join(Course(course).labs) or 'none found'})")


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="nnb-selfcheck",
        description="Grade your own copy of a lab with the course's hidden tests (sealed, as the "
                    "instructor grades); nothing is written to the course's gradebook.")
    parser.add_argument("notebook", help="your notebook, e.g. notebooks/02-perceptron/02-perceptron.ipynb")
    parser.add_argument("--lab", help="the lab id (default: the notebook's file name, if it is a lab's)")
    parser.add_argument("--course", default=".", help="the course folder, with nbgrader_config.py and "
                                                      "solutions/ (default: the current folder)")
    parser.add_argument("--feedback", help="where to write the feedback page (default: feedback/<lab>.html "
                                           "beside the notebook)")
    parser.add_argument("--keep", action="store_true", help="keep the throw-away course folder (its path is printed)")
    args = parser.parse_args(argv)

    if not Path(args.notebook).is_file():
        parser.error(f"no such notebook: {args.notebook}")
    # nbgrader runs `alembic` as a subprocess: this environment's bin/ must come first on PATH.
    os.environ["PATH"] = str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", "")
    # nbgrader's gradebook code sets off SQLAlchemy warnings that are nothing to the learner.
    from sqlalchemy.exc import SAWarning
    warnings.filterwarnings("ignore", category=SAWarning)
    workdir = Path(tempfile.mkdtemp(prefix="nnb-selfcheck-"))
    try:
        lab = args.lab or _default_lab(args.notebook, args.course)
        selfcheck(args.notebook, lab, args.course, args.feedback, workdir / "course")
    except SelfCheckError as error:
        print(f"nnb-selfcheck: {error}", file=sys.stderr)
        return 1
    finally:
        if args.keep:
            print(f"throw-away course kept in {workdir / 'course'}", file=sys.stderr)
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
