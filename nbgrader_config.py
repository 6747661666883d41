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
# output (nnb_grading/claims.py, tests/test_claims.py); they are for course authors only, so
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

# Autograding is sealed, whoever starts it (`make grade`, `nbgrader autograde`, the
# Formgrader's Autograde button): each submission's kernel runs in a sandbox with an
# in-kernel guard, and every submission gets an integrity report (nnb_grading/sealed.py).
# These are nbgrader's default lists with the course's two steps put in.
c.Autograde.sanitize_preprocessors = [
    "nnb_grading.sealed.SealedIntake",    # drop invented/duplicated graded cells, scan the code
    "nbgrader.preprocessors.ClearOutput",
    "nbgrader.preprocessors.DeduplicateIds",
    "nbgrader.preprocessors.OverwriteKernelspec",
    "nbgrader.preprocessors.OverwriteCells",
    "nbgrader.preprocessors.CheckCellMetadata",
]
c.Autograde.autograde_preprocessors = [
    "nnb_grading.sealed.SealedExecute",   # nbgrader's Execute, with the kernel in the sandbox
    "nbgrader.preprocessors.IgnorePattern",
    "nbconvert.preprocessors.ClearMetadataPreprocessor",
    "nbgrader.preprocessors.LimitOutput",
    "nbgrader.preprocessors.SaveAutoGrades",
    "nbgrader.preprocessors.AssignLatePenalties",
    "nbgrader.preprocessors.CheckCellMetadata",
]
# The limits of a submission's kernel, for every door (the CLI, the Formgrader, `make
# grade`, the matrix): their values live in one place, nnb_grading.course.Limits. A course
# that needs others sets them here, e.g. c.SealedExecute.memory_mb = 8192 (also
# cpu_seconds, total_seconds, file_mb, output_kb). The per-cell time limit is nbgrader's
# own Execute.timeout (its default, 30 s, is too short for importing TensorFlow on an old
# laptop); a student's infinite loop is still interrupted after it and the rest of the
# notebook is graded.
from nnb_grading.course import Limits  # noqa: E402

c.Execute.timeout = Limits.cell_seconds
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

# Nothing a student writes runs in the instructor's browser. The Formgrader's
# submission view and the feedback pages are HTML rendered from the student's
# notebook by nbconvert's HTMLExporter (templates `formgrade` and `feedback`); this
# config reaches both (nnb_grading/sanitise.py says what each piece covers; tested by
# tests/test_sanitise.py). nbconvert's switch: text/html and text/markdown outputs go
# through `clean_html`, and JavaScript and widget outputs are not written at all.
c.HTMLExporter.sanitize_html = True
c.HTMLExporter.filters = {
    # A readable allowlist (tables, headings, data: image plots) instead of nbconvert's.
    "clean_html": "nnb_grading.sanitise.clean_html",
    # nbgrader's templates render markdown cells without asking sanitize_html.
    "strip_files_prefix": "nnb_grading.sanitise.strip_files_prefix",
}
# Image sizes (written unquoted into <img>) and the page header's student id.
c.HTMLExporter.preprocessors = ["nnb_grading.sanitise.SanitiseNotebook"]
# The Formgrader serves every file of a graded submission at
# /formgrader/submissions/<id>/<file> in the instructor's own origin, unsandboxed (unlike
# Jupyter's /files/): a student's HTML, SVG or XML file opened there runs its scripts.
# Files a browser would run as a document are never collected nor copied into
# autograded/ or feedback/ (nbgrader matches these globs case-sensitively, and its
# glob-based copies skip dot-files unless asked: hence both cases and ".*").
_RUNNABLE = ("html", "htm", "shtml", "xhtml", "xht", "svg", "svgz", "xml", "xsl", "xslt", "mht", "mhtml")
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback"] + [  # nbgrader's, then ours
    prefix + "." + "".join(f"[{ch}{ch.upper()}]" for ch in ext) for ext in _RUNNABLE for prefix in ("*", ".*")]
