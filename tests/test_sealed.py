"""Sealed grading against bad and hostile submissions (nnb_grading/sealed.py, nnb_grading/classroom.py).

One class of lab 02 submissions, each built from the instructor's solution with one
trick, is graded in one parallel batch, as an instructor would grade it. Every
submission must get its expected score per test cell and its expected flags; none may
abort the batch or change another student's grade.
"""

import json
import os
import sqlite3

import nbformat
import pytest

from tests.harness import course as C
from nnb_grading.classroom import grade_class
from nnb_grading.course import Limits
from nnb_grading.sandbox import sandbox_level

pytestmark = pytest.mark.slow  # grades a class of lab 02 once for the module: minutes
LAB = "02-perceptron"
CELLS = {"test_step": 1, "test_perceptron_output": 2, "test_perceptron_update": 2,
         "test_train_perceptron": 3, "test_xor_network": 2, "test_sigmoid_neuron": 1}
FULL = sum(CELLS.values())
LIMITS = Limits(cell_seconds=10)   # short: each cell calling the endless function costs this

needs_sandbox = pytest.mark.skipif(
    sandbox_level() != "bwrap",
    reason="no bubblewrap sandbox here (Linux: apt-get install bubblewrap); file access cases need it")


def _solution_cell(nb, grade_id):
    return next(c for c in nb.cells if C.nbgrader_meta(c).get("grade_id") == grade_id)


def _append(nb, grade_id, code):
    cell = _solution_cell(nb, grade_id)
    cell.source += "\n\n" + code.strip() + "\n"


def _replace_body(nb, grade_id, new_def):
    _solution_cell(nb, grade_id).source = new_def.strip() + "\n"


# Wrong on purpose: the bias is left out. Only its own test cell uses sigmoid_neuron.
WRONG = '''
def sigmoid_neuron(x, w, w0):
    return 1.0 / (1.0 + np.exp(-(np.asarray(x, dtype=float) @ np.asarray(w, dtype=float))))
'''
LOSES = {"test_sigmoid_neuron": 0}


def _write(folder, nb):
    folder.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, str(folder / f"{LAB}.ipynb"))


# Each case: (what the submission does, expected score per test cell (others full),
#             substrings that must appear among the flags, the builder).
CASES = {}


def case(expected=None, flags=(), review=None, sandboxed=False):
    def register(builder):
        CASES[builder.__name__.replace("_", "-")] = {
            "build": builder, "expected": expected or {}, "flags": flags, "review": review,
            "sandboxed": sandboxed, "doc": builder.__doc__}
        return builder
    return register


@case(review=False)
def correct(nb, folder, course):
    """The instructor's answers: full marks, nothing to review."""
    _write(folder, nb)


@case(expected={"test_xor_network": 0})
def visible_only(nb, folder, course):
    """xor_network right on the visible tests but returns floats, which a hidden test refuses."""
    _replace_body(nb, "xor_network", '''
def xor_network(X):
    X = np.asarray(X)
    return (X[:, 0] != X[:, 1]).astype(float)
''')
    _write(folder, nb)


@case(expected=LOSES)
def plain_wrong(nb, folder, course):
    """A plain wrong answer: sigmoid_neuron without the bias."""
    _replace_body(nb, "sigmoid_neuron", WRONG)
    _write(folder, nb)


@case(flags=["test cell edited"])
def emptied_test_cells(nb, folder, course):
    """Every test cell emptied: nbgrader grades the instructor's copies."""
    for cell in C.graded_cells(nb):
        cell.source = ""
    _write(folder, nb)


@case(expected=LOSES, flags=["changes the module attribute np.testing.assert_allclose"])
def monkeypatched_comparisons(nb, folder, course):
    """Wrong answer, then numpy's comparisons patched to always agree (refused: read-only numpy)."""
    _replace_body(nb, "sigmoid_neuron", WRONG + '''
for _name in ("allclose", "isclose", "array_equal"):
    try:
        setattr(np, _name, lambda *a, **k: True)
    except AttributeError:
        pass
try:
    np.testing.assert_allclose = lambda *a, **k: None
except AttributeError:
    pass
''')
    _write(folder, nb)


@case(expected=LOSES, flags=["numpy.allclose was changed"])
def patched_through_vars(nb, folder, course):
    """Wrong answer, and np.allclose replaced through the module's dict (found and undone)."""
    _replace_body(nb, "sigmoid_neuron", WRONG + '''
vars(np)["allclose"] = lambda *a, **k: True
vars(np)["isclose"] = lambda *a, **k: np.ones(np.shape(a[0]), dtype=bool)
''')
    _write(folder, nb)


@case(expected=LOSES, flags=["defines __eq__"])
def always_equal_objects(nb, folder, course):
    """sigmoid_neuron returns an object equal to everything, truthy, and overriding numpy's protocols."""
    _replace_body(nb, "sigmoid_neuron", '''
class Agreeable:
    def __eq__(self, other):
        return True
    def __ne__(self, other):
        return False
    def __bool__(self):
        return True
    def __array_ufunc__(self, *args, **kwargs):
        return True
    def __array_function__(self, *args, **kwargs):
        return True


def sigmoid_neuron(x, w, w0):
    return Agreeable()
''')
    _write(folder, nb)


@case(expected=LOSES, flags=["the name check_array was redefined"])
def redefined_checks(nb, folder, course):
    """Wrong answer, and the check functions redefined to accept anything (the real ones are put back)."""
    _replace_body(nb, "sigmoid_neuron", WRONG + '''
def check_array(*args, **kwargs):
    return None


def check_true(*args, **kwargs):
    return None


def check_scalar(*args, **kwargs):
    return None
''')
    _write(folder, nb)


@case(expected=LOSES, flags=["tamper: uses get_ipython", "IPython's showtraceback"])
def traceback_hook_tricks(nb, folder, course):
    """Wrong answer; errors hidden by replacing IPython's traceback display and handler.

    The error still fails its cell (the cell's reply is an error whatever is displayed);
    the code scan flags the submission but takes no points: the other cells keep theirs.
    """
    _replace_body(nb, "sigmoid_neuron", WRONG + '''
get_ipython().showtraceback = lambda *a, **k: None
get_ipython().set_custom_exc((Exception,), lambda *a, **k: None)
''')
    _write(folder, nb)


@case(expected=LOSES, flags=["tamper: uses sys.excepthook"])
def excepthook_trick(nb, folder, course):
    """Wrong answer; sys.excepthook silenced (IPython does not use it for cell errors)."""
    _replace_body(nb, "sigmoid_neuron", WRONG + '''
import sys
sys.excepthook = lambda *args: None
''')
    _write(folder, nb)


@case(expected=LOSES, flags=["extra file beside the notebook"])
def shadow_numpy(nb, folder, course):
    """Wrong answer plus a numpy.py beside the notebook whose allclose always agrees."""
    _replace_body(nb, "sigmoid_neuron", WRONG)
    _write(folder, nb)
    (folder / "numpy.py").write_text("def allclose(*a, **k):\n    return True\n")
    (folder / "nblib.py").write_text("def check_array(*a, **k):\n    pass\n")


READ_SECRETS = '''
import os
for _path in {paths!r}:
    try:
        with open(_path, "rb") as _f:
            print("READ", _path, len(_f.read()))
    except OSError as _e:
        print("BLOCKED", _path, type(_e).__name__)
'''


@case(flags=["calls open()"], sandboxed=True)
def read_instructor_files(nb, folder, course):
    """Tries to read the instructor's source, the hidden tests, the gradebook, another student and ~."""
    paths = [str(course / "solutions" / LAB / f"{LAB}.ipynb"), str(course / "gradebook.db"),
             str(course / "submitted" / "correct" / LAB / f"{LAB}.ipynb"), os.path.expanduser("~/.bashrc"),
             str(course / "nbgrader_config.py")]
    _append(nb, "sigmoid_neuron", READ_SECRETS.format(paths=paths))
    _write(folder, nb)


@case(flags=["calls open()"], sandboxed=True)
def write_gradebook(nb, folder, course):
    """Tries to overwrite the gradebook and the instructor's source."""
    _append(nb, "sigmoid_neuron", f'''
for _path in {[str(course / "gradebook.db"), str(course / "solutions" / LAB / f"{LAB}.ipynb")]!r}:
    try:
        with open(_path, "w") as _f:
            _f.write("")
        print("WROTE", _path)
    except OSError as _e:
        print("BLOCKED", _path, type(_e).__name__)
''')
    _write(folder, nb)


@case(expected={"test_xor_network": 0}, flags=["kernel died"])
def kernel_crash(nb, folder, course):
    """xor_network calls os._exit: its test fails, the kernel is restarted and the rest is graded."""
    _replace_body(nb, "xor_network", '''
import os


def xor_network(X):
    os._exit(3)
''')
    _write(folder, nb)


@case(expected={"test_sigmoid_neuron": 0}, flags=["limit hit: time"])
def infinite_loop(nb, folder, course):
    """sigmoid_neuron never returns."""
    _replace_body(nb, "sigmoid_neuron", '''
def sigmoid_neuron(x, w, w0):
    while True:
        pass
''')
    _write(folder, nb)


@case(expected={"test_sigmoid_neuron": 0}, flags=["limit hit: memory"])
def huge_allocation(nb, folder, course):
    """sigmoid_neuron allocates 32 GB."""
    _replace_body(nb, "sigmoid_neuron", '''
def sigmoid_neuron(x, w, w0):
    waste = np.ones((4, 1024, 1024, 1024))
    return waste
''')
    _write(folder, nb)


@case(expected={"test_sigmoid_neuron": 0}, flags=["limit hit: output"])
def huge_output(nb, folder, course):
    """sigmoid_neuron prints 40 MB, then returns the right answer."""
    cell = _solution_cell(nb, "sigmoid_neuron")
    cell.source = cell.source.replace('"""\n', '"""\n    print("spam " * 8_000_000)\n', 1) if cell.source.count('"""') >= 2 else cell.source
    assert "spam" in cell.source
    _write(folder, nb)


@case(flags=["cell deleted"])
def deleted_test_cell(nb, folder, course):
    """The test cell of train_perceptron deleted: the instructor's copy is graded."""
    nb.cells = [c for c in nb.cells if C.nbgrader_meta(c).get("grade_id") != "test_train_perceptron"]
    _write(folder, nb)


@case(flags=["duplicates another cell"])
def duplicated_cells(nb, folder, course):
    """The step solution cell and its test cell duplicated (nbgrader issue #1083)."""
    index = next(i for i, c in enumerate(nb.cells) if C.nbgrader_meta(c).get("grade_id") == "test_step")
    nb.cells.insert(index + 1, nbformat.from_dict(json.loads(json.dumps(nb.cells[index]))))
    nb.cells.insert(index + 1, nbformat.from_dict(json.loads(json.dumps(nb.cells[index - 1]))))
    for cell in nb.cells:
        cell.pop("id", None)
    nb.nbformat_minor = 4
    _write(folder, nb)


@case(flags=["not in the assignment (100 points claimed)"])
def fake_graded_cell(nb, folder, course):
    """A new graded cell worth 100 points that always passes."""
    nb.cells.append(nbformat.v4.new_code_cell("pass", metadata={"nbgrader": {
        "grade": True, "solution": False, "locked": True, "points": 100, "grade_id": "test_bonus",
        "schema_version": 3}}))
    _write(folder, nb)


@case(flags=["points changed from 1 to 50", "kernel changed", "cell type changed"])
def changed_metadata(nb, folder, course):
    """Points of test_step raised to 50, a test cell turned into markdown, another kernel."""
    C.nbgrader_meta(_solution_cell(nb, "test_step"))["points"] = 50
    _solution_cell(nb, "test_sigmoid_neuron").cell_type = "markdown"
    cell = _solution_cell(nb, "test_sigmoid_neuron")
    cell.pop("outputs", None)
    cell.pop("execution_count", None)
    nb.metadata.kernelspec = {"name": "ir", "display_name": "R", "language": "R"}
    _write(folder, nb)


@case(expected={k: 0 for k in CELLS}, flags=["not valid JSON"])
def truncated_json(nb, folder, course):
    """The notebook file cut off half-way."""
    _write(folder, nb)
    path = folder / f"{LAB}.ipynb"
    text = path.read_text()
    path.write_text(text[: len(text) // 2])


@case(flags=["notebook renamed"])
def renamed_file(nb, folder, course):
    """The notebook saved under another name ("Copy of ...", non-ASCII)."""
    folder.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, str(folder / f"Copie de {LAB} — final.ipynb"))


@case(flags=["nbformat 3 converted"])
def old_nbformat(nb, folder, course):
    """Saved as nbformat 3 by an old tool."""
    folder.mkdir(parents=True, exist_ok=True)
    v3 = nbformat.convert(nbformat.from_dict(json.loads(json.dumps(nb))), 3)
    (folder / f"{LAB}.ipynb").write_text(nbformat.writes(v3, version=3))


@case(review=False)
def non_ascii_student_zoë_łukasz(nb, folder, course):
    """A correct submission from a student whose id is not ASCII."""
    _write(folder, nb)


@case(review=False)
def correct_with_runtime_warning(nb, folder, course):
    """Correct answers; sigmoid_neuron's formula overflows in exp and warns."""
    _replace_body(nb, "sigmoid_neuron", '''
import warnings


def sigmoid_neuron(x, w, w0):
    z = w0 + np.asarray(x, dtype=float) @ np.asarray(w, dtype=float)
    with np.errstate(over="warn"):
        out = 1.0 / (1.0 + np.exp(-z))
    warnings.warn("sigmoid_neuron: an overflow is harmless here", RuntimeWarning)
    return out
''')
    _write(folder, nb)


@case(review=False)
def correct_with_ipython_display(nb, folder, course):
    """Correct answers that show an intermediate value with IPython.display (a common idiom)."""
    _append(nb, "step", """
from IPython.display import Markdown, display

display(Markdown(f"step(0.0) = {step(0.0)}"))
""")
    _write(folder, nb)


@case(review=False)
def correct_importing_requests(nb, folder, course):
    """Correct answers that import requests: urllib3's IPv6 probe at import is the library's own work."""
    _append(nb, "step", "import requests  # noqa: F401")
    _write(folder, nb)


@case(review=False)
def correct_with_all_cores(nb, folder, course):
    """Correct answers plus a scikit-learn model with n_jobs=-1: joblib counts the cores
    with a process of its own, which the guard would refuse (a traceback on stderr)."""
    _append(nb, "step", """
from sklearn.datasets import load_digits
from sklearn.neighbors import KNeighborsClassifier

_digits = load_digits()
print(KNeighborsClassifier(3, n_jobs=-1).fit(_digits.data[:1400], _digits.target[:1400])
      .score(_digits.data[1400:], _digits.target[1400:]))
""")
    _write(folder, nb)


NETWORK_PROBE = """
    import socket
    try:
        socket.create_connection(("127.0.0.1", 9), timeout=1).close()
    except OSError:
        pass"""


@case(flags=["network (socket."], review=True)
def student_opens_a_socket(nb, folder, course):
    """Correct answers, but sigmoid_neuron tries to reach the network whenever a test calls
    it: refused, and flagged because the student's own code asked (no points lost)."""
    cell = _solution_cell(nb, "sigmoid_neuron")
    head, doc, body = cell.source.split('"""', 2)
    cell.source = head + '"""' + doc + '"""' + NETWORK_PROBE + body
    _write(folder, nb)


@case(expected={k: 0 for k in CELLS})
def blank_release(nb, folder, course):
    """The student release, untouched."""
    _write(folder, C.read(C.notebook_path(LAB, release=True)))


@pytest.fixture(scope="module")
def graded_class(tmp_path_factory):
    root = tmp_path_factory.mktemp("sealed") / "course"
    C.make_course(root, [LAB])
    env = C.course_env(root.parent / "home")
    C.run_nbgrader(["generate_assignment", LAB, "--force"], root, env)
    release = C.read(C.notebook_path(LAB, release=True))
    filled = C.fill_solutions(release, C.read(C.notebook_path(LAB)))
    for name, spec in CASES.items():
        nb = nbformat.from_dict(json.loads(json.dumps(filled)))
        spec["build"](nb, root / "submitted" / name / LAB, root)
    old = dict(os.environ)
    os.environ.update({k: v for k, v in env.items() if k in ("PATH", "MPLBACKEND")})
    try:
        results, line = grade_class(root, LAB, workers=2, limits=LIMITS, progress=False)
    finally:
        os.environ.clear()
        os.environ.update(old)
    return root, results, line


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_submission(graded_class, name):
    root, results, _ = graded_class
    spec = CASES[name]
    if spec["sandboxed"] and sandbox_level() != "bwrap":
        pytest.skip("needs the bubblewrap sandbox (apt-get install bubblewrap)")
    summary = results[name]
    assert summary["ok"], f"{name} ({spec['doc']}) was not graded: {summary['error']}"
    expected = {cell: spec["expected"].get(cell, points) for cell, points in CELLS.items()}
    got = {cell: summary["cells"].get(cell, (None, None))[0] for cell in CELLS}
    assert got == expected, f"{name}: {spec['doc']}\nflags: {summary['flags']}"
    assert summary["max_score"] == FULL, f"{name}: the assignment's total changed"
    for flag in spec["flags"]:
        assert any(flag in f for f in summary["flags"] + summary["notes"]), \
            f"{name}: no flag {flag!r} in {summary['flags'] + summary['notes']}"
    if spec["review"] is not None:
        assert summary["review"] == spec["review"], f"{name}: review={summary['review']}, flags {summary['flags']}"
    report = root / "reports" / LAB / "integrity" / f"{name}.json"
    assert json.loads(report.read_text(encoding="utf-8"))["student"] == name


@needs_sandbox
def test_secrets_stay_out_of_reach(graded_class):
    root, results, _ = graded_class
    for name, verb in (("read-instructor-files", "READ"), ("write-gradebook", "WROTE")):
        nb = C.read(root / "autograded" / name / LAB / f"{LAB}.ipynb")
        text = "".join(o.get("text", "") for c in nb.cells for o in c.get("outputs", []))
        assert "BLOCKED" in text and verb not in text, f"{name} reached a protected file:\n{text}"
    hidden = "rng = np.random.default_rng(5150)"
    for student in results:
        for path in (root / "autograded" / student).rglob("*.ipynb"):
            assert hidden not in "".join(o.get("text", "") for c in C.read(path).cells for o in c.get("outputs", [])), \
                f"{student}'s outputs show a hidden test"
    assert C.read(root / "solutions" / LAB / f"{LAB}.ipynb").cells, "the instructor's source was damaged"


def test_one_batch_nobody_else_affected(graded_class):
    root, results, line = graded_class
    assert set(results) == set(CASES), "a submission was skipped"
    assert line.startswith(f"graded {len(CASES)}/{len(CASES)}"), line
    # The gradebook is intact and holds every student's total, as nbgrader export sees it.
    db = sqlite3.connect(root / "gradebook.db")
    rows = dict(db.execute("select student_id, count(*) from submitted_assignment group by student_id"))
    assert set(rows) == set(CASES)
    assert results["correct"]["score"] == FULL
    report = (root / "reports" / LAB / "class-report.md").read_text(encoding="utf-8")
    assert "## What the class got wrong" in report and "test_step" in report
    # Feedback works on the sealed grades, as nbgrader's own step.
    env = C.course_env(root.parent / "home")
    C.run_nbgrader(["generate_feedback", LAB, "--student", "plain-wrong"], root, env)
    html = next((root / "feedback" / "plain-wrong" / LAB).glob("*.html")).read_text(encoding="utf-8")
    assert "5150" not in html and "_nnb_g" not in html
