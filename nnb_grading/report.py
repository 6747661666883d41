"""The class report: statistics of a graded lab, as Markdown an instructor reads anywhere.

    nnb-report <lab> [--course DIR]

Rebuilds ``reports/<lab>/class-report.md`` (with ``scores.png`` and
``class-results.json``) from the gradebook and the integrity reports, so a regrade by
hand in the Formgrader shows in the next report. ``nnb-grade`` ends with it.
"""

import argparse
import collections
import json
import sys

import nbformat

from nnb_grading.course import Course, is_test_cell, nbgrader_meta
from nnb_grading.sanitise import md_code, md_text


def class_results(course, lab):
    """Every student's result as the gradebook and the integrity reports hold it now.

    Scores come from the gradebook, so a regrade by hand in the Formgrader shows; flags
    and grading errors come from reports/<lab>/integrity/.
    """
    from nbgrader.api import Gradebook

    from nnb_grading.sealed import report_path
    model = Course(course)
    config = model.config
    results = {}
    with Gradebook(config.CourseDirectory.db_url, config.CourseDirectory.course_id) as gb:
        graded = {sub.student.id for sub in gb.find_assignment(lab).submissions}
        for student in sorted(set(model.students(lab)) | graded):
            path = report_path(course, lab, student)
            report = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
            entry = {"student": student, "ok": False, "score": None, "max_score": None, "cells": {},
                     "error": report.get("error") or "not graded yet", "flags": report.get("flags", []),
                     "review": bool(report.get("review"))}
            if student in graded and report.get("ok", True):
                notebook = gb.find_submission_notebook(lab, lab, student)
                entry.update(ok=True, error=None, score=notebook.score, max_score=notebook.max_score,
                             cells={g.name: (g.score, g.max_score) for g in notebook.grades if g.max_score})
            results[student] = entry
    return results


def summary_line(results, seconds=None):
    failed = {s: r["error"] for s, r in results.items() if not r["ok"]}
    flagged = sorted(s for s, r in results.items() if r["ok"] and r.get("review"))
    text = f"graded {len(results) - len(failed)}/{len(results)}"
    if failed:
        text += f", failed to grade {len(failed)} (" + "; ".join(f"{s}: {e}" for s, e in sorted(failed.items())) + ")"
    text += f", flagged for review {len(flagged)}" + (f" ({', '.join(flagged)})" if flagged else "")
    return text + (f", {int(seconds // 60)} min {seconds % 60:.0f} s" if seconds is not None else "")


def failure_messages(course, lab, student):
    """{grade_id: first line of the error} for the failed test cells of one autograded notebook."""
    path = Course(course).autograded / student / lab / f"{lab}.ipynb"
    if not path.exists():
        return {}
    nb = nbformat.read(str(path), as_version=4)
    messages = {}
    for cell in nb.cells:
        if not is_test_cell(cell):
            continue
        meta = nbgrader_meta(cell)
        errors = [o for o in cell.get("outputs", []) if o.output_type == "error"]
        stderr = [o for o in cell.get("outputs", []) if o.output_type == "stream" and o.name == "stderr"]
        if errors:
            messages[meta["grade_id"]] = f"{errors[0].ename}: {errors[0].evalue}".splitlines()[0][:160]
        elif stderr:
            messages[meta["grade_id"]] = "wrote to stderr: " + stderr[0].text.strip().splitlines()[0][:140]
    return messages


def class_statistics(course, lab, results):
    """Per graded cell: pass rate and most frequent failure messages; the score list."""
    cells = collections.OrderedDict()
    scores, max_score = [], None
    for student, summary in sorted(results.items()):
        if not summary["ok"]:
            continue
        scores.append(summary["score"])
        max_score = summary["max_score"]
        messages = failure_messages(course, lab, student)
        for grade_id, (score, top) in summary["cells"].items():
            entry = cells.setdefault(grade_id, {"points": top, "passed": 0, "graded": 0,
                                                "failures": collections.Counter()})
            entry["graded"] += 1
            if score >= top:
                entry["passed"] += 1
            elif grade_id in messages:
                entry["failures"][messages[grade_id]] += 1
    return cells, scores, max_score


def _histogram(scores, max_score, path):
    from matplotlib.figure import Figure
    fig = Figure(figsize=(6, 3))
    ax = fig.add_subplot()
    bins = max(1, int(max_score or 1))
    ax.hist(scores, bins=bins, range=(0, max_score or 1), color="#4477aa", edgecolor="white")
    ax.set_xlabel("score")
    ax.set_ylabel("students")
    ax.set_title("Score distribution")
    fig.tight_layout()
    fig.savefig(path, dpi=100)


def write_class_report(course, lab, results=None, seconds=None):
    """reports/<lab>/class-report.md and scores.png, readable without Jupyter.

    Built from the gradebook and the integrity reports (``class_results``) unless
    ``results`` are given, so it can be rebuilt at any time (`make report LAB=...`).
    """
    results = class_results(course, lab) if results is None else results
    out = Course(course).reports / lab
    out.mkdir(parents=True, exist_ok=True)
    cells, scores, max_score = class_statistics(course, lab, results)
    lines = [f"# Class report: {lab}", "", md_text(summary_line(results, seconds)) + ".", ""]
    if scores:
        ordered = sorted(scores)
        median = ordered[len(ordered) // 2] if len(ordered) % 2 else (ordered[len(ordered) // 2 - 1] + ordered[len(ordered) // 2]) / 2
        lines += ["## Scores", "", f"{len(scores)} students graded; mean {sum(scores) / len(scores):.2f}, "
                  f"median {median:g}, out of {max_score:g}.", "", "![score distribution](scores.png)", "",
                  "| score | students |", "|---|---|"]
        for value, count in sorted(collections.Counter(scores).items()):
            lines.append(f"| {value:g} | {count} |")
        _histogram(scores, max_score, out / "scores.png")
    lines += ["", "## What the class got wrong", "",
              "| test cell | points | pass rate | most frequent failures |", "|---|---|---|---|"]
    for grade_id, entry in sorted(cells.items(), key=lambda kv: kv[1]["passed"] / max(kv[1]["graded"], 1)):
        rate = entry["passed"] / max(entry["graded"], 1)
        # Messages come from the student's output: quoted so that no tag in them renders.
        top = "<br>".join(f"{n}x {md_code(m)}" for m, n in entry["failures"].most_common(3))
        lines.append(f"| {grade_id} | {entry['points']:g} | {rate:.0%} | {top} |")
    flagged = [(s, r) for s, r in sorted(results.items()) if r.get("review") or not r["ok"]]
    lines += ["", "## Submissions to review", ""]
    if not flagged:
        lines.append("None.")
    for student, summary in flagged:
        reasons = summary.get("flags") or [summary.get("error") or "?"]
        lines.append(f"- **{md_text(student)}** ({md_code(f'integrity/{student}.json', table=False)}): "
                     + "; ".join(md_text(r) for r in reasons[:6])
                     + (" ..." if len(reasons) > 6 else ""))
    (out / "class-report.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (out / "class-results.json").write_text(json.dumps(results, indent=1, ensure_ascii=False, default=str),
                                            encoding="utf-8")
    return out / "class-report.md"


def main(argv=None):
    parser = argparse.ArgumentParser(description="Rebuild a lab's class report from the gradebook.")
    parser.add_argument("lab")
    parser.add_argument("--course", default=".", help="the nbgrader course folder (default: here)")
    args = parser.parse_args(argv)
    path = write_class_report(args.course, args.lab)
    print(summary_line(class_results(args.course, args.lab)))
    print(f"report: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
