"""``nnb-matrix <lab>``: the grading matrix of a lab, for course authors.

    nnb-matrix 03-mlp-backprop            # every submission, problems listed
    nnb-matrix 03-mlp-backprop -v         # and every verdict

Exit status 1 if the instructor solution loses a point, the blank release earns one, or
a test submission's verdicts differ from what its file declares.
"""

import argparse
import json
import os
import sys
import time

from nnb_grading.course import Course, read
from nnb_grading.matrix.cases import lab_problems, lab_students
from nnb_grading.matrix.runner import grade_notebooks


def main(argv=None):
    parser = argparse.ArgumentParser(description="Grade every test submission of a lab without nbgrader (the grading matrix).")
    parser.add_argument("lab")
    parser.add_argument("--course", default=".", help="the course folder (default: here)")
    parser.add_argument("-j", "--jobs", type=int, default=None, help="processes at once (default: cores)")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every verdict")
    parser.add_argument("--extra", nargs="*", default=[], metavar="NOTEBOOK",
                        help="further submitted notebooks to grade (named by file stem)")
    parser.add_argument("--json", metavar="PATH", help="write every verdict to this JSON file")
    parser.add_argument("--no-cases", action="store_true",
                        help="grade only the --extra notebooks, not the lab's own submissions")
    args = parser.parse_args(argv)
    from nblib.runtime import quiet_tensorflow

    quiet_tensorflow()
    os.environ.setdefault("MPLBACKEND", "Agg")
    start = time.perf_counter()
    course = Course(args.course)
    students, cases = ({}, {}) if args.no_cases else lab_students(args.lab, course=course)
    for path in args.extra:
        students[os.path.splitext(os.path.basename(path))[0]] = read(path)
    results = grade_notebooks(args.lab, students, jobs=args.jobs, course=course)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=1)
    if args.verbose:
        for name in students:
            for gid, v in results[name].items():
                print(f"{name:55s} {gid:40s} {v['score']:g}/{v['max']:g}  {v['message'][:100]}")
    problems = [] if args.no_cases else lab_problems(args.lab, results, cases, course)
    print(f"{args.lab}: {len(students)} submissions graded in {time.perf_counter() - start:.0f} s; "
          f"{len(problems)} problem(s)")
    for p in problems:
        print("  " + p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
