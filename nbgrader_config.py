"""nbgrader configuration for the course (read by every `nbgrader` command run here).

solutions/<lab>/ holds the instructor sources; `nbgrader generate_assignment` writes
the student release into notebooks/<lab>/. Submissions, autograded copies, feedback
and the gradebook live beside them and are git-ignored.
"""

import os

c = get_config()  # noqa: F821  (injected by traitlets when this file is loaded)

c.CourseDirectory.root = os.path.dirname(os.path.abspath(__file__))
c.CourseDirectory.course_id = "nn-basics"
c.CourseDirectory.source_directory = "solutions"
c.CourseDirectory.release_directory = "notebooks"
c.CourseDirectory.db_url = "sqlite:///" + os.path.join(c.CourseDirectory.root, "gradebook.db")

# Claim cells (tagged "claim") check the instructor's prose against the solution's
# output (tools/claims.py, tests/test_claims.py); they are for course authors only, so
# the release leaves them out. The nbgrader preprocessors that follow are its defaults.
c.TagRemovePreprocessor.enabled = True
c.TagRemovePreprocessor.remove_cell_tags = {"claim"}
c.GenerateAssignment.preprocessors = [
    "nbconvert.preprocessors.TagRemovePreprocessor",
    "nbgrader.preprocessors.IncludeHeaderFooter",
    "nbgrader.preprocessors.InstantiateTests",
    "nbgrader.preprocessors.LockCells",
    "nbgrader.preprocessors.ClearSolutions",
    "nbgrader.preprocessors.ClearOutput",
    "nbgrader.preprocessors.CheckCellMetadata",
    "nbgrader.preprocessors.ComputeChecksums",
    "nbgrader.preprocessors.SaveCells",
    "nbgrader.preprocessors.ClearHiddenTests",
    "nbgrader.preprocessors.ClearMarkScheme",
    "nbgrader.preprocessors.ComputeChecksums",
    "nbgrader.preprocessors.CheckCellMetadata",
]

# A student's stub raises NotImplementedError; the message tells them what to do.
c.ClearSolutions.code_stub = {
    "python": "# YOUR CODE HERE\nraise NotImplementedError()",
}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"

# Per-cell time limit while autograding. Importing TensorFlow takes 6-9 s here and
# can take a minute on an old laptop; a student's infinite loop is still stopped
# (interrupted) after this long and the rest of the notebook is graded.
c.Execute.timeout = 180
# Short tracebacks: the default verbose ones print the source around the failing
# line, which for a hidden test would reveal the hidden test itself.
c.Execute.extra_arguments = ["--InteractiveShell.xmode=Minimal"]

# A correct answer that triggers a numpy RuntimeWarning writes to stderr, and nbgrader
# scores any test cell with stderr output as 0. The labs' checks already keep
# warnings off stderr (nblib.checks.call); this is the second line of defence.
c.IgnorePattern.enabled = True
c.IgnorePattern.pattern = r"RuntimeWarning"

# A student can delete a locked test cell in some editors; nbgrader would then score
# it 0 with no warning. Put the instructor's copy back and grade it as usual.
c.OverwriteCells.add_missing_cells = True

# Feedback shows scores and failure messages, never the hidden tests' source.
c.GenerateFeedback.preprocessors = [
    "nbgrader.preprocessors.GetGrades",
    "nbgrader.preprocessors.ClearHiddenTests",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
]
