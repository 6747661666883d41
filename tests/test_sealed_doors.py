"""One seal, every door: `nbgrader autograde`, the Formgrader's Autograde button and
`make grade` all grade a submission in the sandbox, because the seal is part of the
course's nbgrader configuration (nnb_grading/sealed.py).

The same hostile lab-02 submission, which tries to read the instructor's source and
the gradebook, goes through each door; each time the files must be out of reach and
an integrity report must be written. A course whose config is nbgrader's default
(plain nbgrader) lets the same submission read them: the test can fail.
"""

import json
import subprocess

import nbformat
import pytest
import requests

from tests.harness import course as C
from nnb_grading.sandbox import sandbox_level
from tests.harness.servers import free_ports, make_lab_command, stop, wait_until_up

pytestmark = [pytest.mark.slow, pytest.mark.skipif(
    sandbox_level() != "bwrap", reason="needs the bubblewrap sandbox (apt-get install bubblewrap)")]

LAB = "02-perceptron"
TOKEN = "doors-test-token"


def _course(root, plain=False):
    course = C.make_course(root, [LAB])
    if plain:
        with open(course / "nbgrader_config.py", "a") as fh:
            fh.write(C.PLAIN_NBGRADER)
    env = C.course_env(root.parent / f"home-{root.name}")
    C.run_nbgrader(["generate_assignment", LAB, "--force"], course, env)
    release = C.read(course / "notebooks" / LAB / f"{LAB}.ipynb")
    nb = C.fill_solutions(release, C.read(C.notebook_path(LAB)))
    secrets = [str(course / "solutions" / LAB / f"{LAB}.ipynb"), str(course / "gradebook.db")]
    cell = next(c for c in nb.cells if C.nbgrader_meta(c).get("grade_id") == "sigmoid_neuron")
    cell.source += f'''

for _path in {secrets!r}:
    try:
        with open(_path, "rb") as _f:
            print("READ", _path, len(_f.read()))
    except OSError as _e:
        print("BLOCKED", _path, type(_e).__name__)
'''
    folder = course / "submitted" / "mallory" / LAB
    folder.mkdir(parents=True)
    nbformat.write(nb, str(folder / f"{LAB}.ipynb"))
    return course, env


def _what_it_saw(course):
    nb = C.read(course / "autograded" / "mallory" / LAB / f"{LAB}.ipynb")
    return "".join(o.get("text", "") for c in nb.cells for o in c.get("outputs", []))


def _sealed(course):
    seen = _what_it_saw(course)
    assert "BLOCKED" in seen and "READ" not in seen, f"the submission reached the instructor's files:\n{seen}"
    report = json.loads((course / "reports" / LAB / "integrity" / "mallory.json").read_text())
    assert report["sandbox"] == "bwrap" and report["student"] == "mallory"
    scores = {g: s for g, (s, _) in _cells(course).items()}
    assert all(s > 0 for s in scores.values()), f"the (correct) submission lost points: {scores}"


def _cells(course):
    from nbgrader.api import Gradebook
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        nb = gb.find_submission_notebook(LAB, LAB, "mallory")
        return {g.name: (g.score, g.max_score) for g in nb.grades if g.max_score}


def test_plain_nbgrader_lets_it_read(tmp_path):
    course, env = _course(tmp_path / "plain", plain=True)
    C.run_nbgrader(["autograde", LAB, "--force"], course, env)
    assert "READ" in _what_it_saw(course), "the hostile submission should read the files under plain nbgrader"


def test_door_nbgrader_autograde(tmp_path):
    course, env = _course(tmp_path / "cli")
    C.run_nbgrader(["autograde", LAB, "--force"], course, env)
    _sealed(course)


def test_door_make_grade(tmp_path):
    course, env = _course(tmp_path / "make")
    proc = subprocess.run(["make", "-o", ".venv/.installed-instructor", "grade", f"LAB={LAB}", f"COURSE={course}"],
                          cwd=C.REPO, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-3000:]
    _sealed(course)


def test_door_formgrader_autograde_button(tmp_path):
    course, env = _course(tmp_path / "formgrader")
    (port,) = free_ports(1)
    command = make_lab_command("instructor", f"--no-browser --ip=127.0.0.1 --port={port} "
                               f"--ServerApp.port_retries=0 --IdentityProvider.token={TOKEN}", root_dir=course)
    # The Formgrader reads nbgrader_config.py from the server's working folder, as when
    # an instructor runs `make instructor` in the course folder.
    command = command.replace(" .venv/bin/", f" {C.REPO}/.venv/bin/")
    log = tmp_path / "server.log"
    with open(log, "w") as out:
        proc = subprocess.Popen(command, shell=True, cwd=course, env=env, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)
    try:
        url = f"http://127.0.0.1:{port}"
        wait_until_up(proc, url, TOKEN, log=log)
        session = requests.Session()
        session.headers["Authorization"] = f"token {TOKEN}"
        # What the button does: POST to the Formgrader's API for one submission.
        reply = session.post(f"{url}/formgrader/api/submission/{LAB}/mallory/autograde", timeout=600)
        assert reply.ok, reply.text[:2000]
        result = reply.json()
        assert result.get("success"), (result.get("error") or "")[-3000:] + log.read_text()[-2000:]
    finally:
        stop(proc)
    _sealed(course)
