"""The grading matrix: every submission of a lab against its test cells, without nbgrader.

A real ``nbgrader autograde`` executes a whole lab notebook per submission (importing
TensorFlow, training every demo model, drawing every plot). To know which graded cells
a submission passes, much less is needed: the student's solution cells, the instructor's
test cells (visible and hidden, from ``solutions/``), and the statements those cells
depend on. The package has three parts:

``slicing``
    splits code cells into top-level statements and keeps a statement only if a later
    kept statement (or a solution or test cell) needs a name it binds or changes (a
    backward liveness pass over the whole notebook);
``runner``
    runs everything before the first solution cell once, in a server process (the Setup
    cell: imports, data), which forks a fresh process per submission that runs its own
    slice in an IPython shell, so no submission sees another's state; it scores each
    test cell with nbgrader's own ``IgnorePattern`` and ``determine_grade``, with the
    course's per-cell time limit;
``cases`` and ``cli``
    the course authors' test submissions (``tests/submissions/<lab>/``, each declaring
    the test cells it must lose and keep) and the command ``nnb-matrix <lab>``.

A test cell whose every solution input (the solution cells its slice reaches) is the
instructor's code, character for character, scores what it scores for the instructor
solution: the notebooks are seeded, so it is not run again. This is what makes a lab's
thirty one-mistake submissions cheap; a real student's notebook differs everywhere and
runs in full. Statements that run TensorFlow operations are never run before the fork
(a process forked after TensorFlow has started its thread pools deadlocks).

``tests/test_grading.py`` proves on every lab that these verdicts equal real nbgrader's
for the solution, the blank release and combined submissions (see ``combine_cases``).

Command line, from the course folder::

    nnb-matrix 03-mlp-backprop            # every submission, problems listed
    nnb-matrix 03-mlp-backprop -v         # and every verdict
"""

from nnb_grading.matrix.cases import BLANK, combine_cases, combined_notebook, lab_problems, lab_students
from nnb_grading.matrix.runner import SOLUTION, grade_notebooks, score_outputs

__all__ = ["BLANK", "SOLUTION", "combine_cases", "combined_notebook", "grade_notebooks", "lab_problems",
           "lab_students", "score_outputs"]
