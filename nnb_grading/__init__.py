"""Grading the course: sealed nbgrader autograding, class reports, and the course authors' checks.

Installed with the course (``pip install -e .``), so nbgrader finds the preprocessors
that ``nbgrader_config.py`` names wherever it runs (its CLI, the Formgrader in a Jupyter
server, a Dask worker). Three ways to grade, each for one audience:

``nnb_grading.sealed.grade_submission`` (one submission)
    nbgrader autograde of one student's notebook with its kernel sealed; what every
    other door runs (``nbgrader autograde`` and the Formgrader reach the same
    preprocessors through ``nbgrader_config.py``).
``nnb-grade`` (``nnb_grading.classroom``; ``make grade``), for instructors
    a whole class in parallel (processes or Dask), resumable, ending with the class
    report (``nnb-report``, ``nnb_grading.report``).
``nnb-matrix`` (``nnb_grading.matrix``), for course authors
    every test submission of a lab against its test cells in seconds, without nbgrader,
    scored by nbgrader's own rule; ``tests/test_grading.py`` proves it agrees with nbgrader.

``nnb_grading.course`` is the course model all of them share (folders, cells, limits).
"""
