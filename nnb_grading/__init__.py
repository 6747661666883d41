"""Course tooling for instructors, tests and benchmarks (not imported by the notebooks).

``course``: the labs on disk and nbgrader commands; ``submissions``: the graded test
submissions; ``matrix``: grading every submission without nbgrader (``python -m
tools.matrix <lab>``). Run from the repository root.
"""
