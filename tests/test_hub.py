"""A class on a real JupyterHub: an instructor and two students, through the hub.

JupyterHub (PyPI) with its proxy, configurable-http-proxy (npm, installed by
`make hub-deps` into node_modules/), runs on localhost with the shared-password
authenticator and the SimpleLocalProcessSpawner (one home folder per user under a
temporary folder). nbgrader's exchange is a temporary folder.

Each user logs in with the password, asks the hub for an API token and starts their
own server through the hub's REST API. The instructor then works through the
Formgrader's API in their server (generate, release, collect, autograde, generate and
release feedback); each student through the Assignment List's API in theirs (fetch,
submit, fetch feedback) and the contents API (one student writes the solutions into
the fetched notebook, the other submits it blank). The grades come out of the
gradebook by `nbgrader export`, run in the instructor's course folder as in a hub
terminal.

Not covered: every server runs as the one OS user running the tests, so the students'
nbgrader identity comes from their config (CourseDirectory.student_id), not from
separate OS accounts, and file permissions between users are not exercised.
"""

import csv
import json
import os
import sys
import re
import shutil
import subprocess
import time

import nbformat
import pytest
import requests
from tests.harness.course import (BIN, REPO, course_env, fill_solutions, graded_cells, make_course,
                          nbgrader_meta, notebook_path, read, run_nbgrader)
from tests.harness.servers import free_ports

pytestmark = pytest.mark.slow

LAB = "02-perceptron"  # the fastest lab: no TensorFlow
COURSE = "nn-basics"
STUDENTS = ("alice", "bob")  # alice submits the solutions, bob the blank release
INSTRUCTOR = "instructor"
PASSWORD = "class-password-for-tests"
PROXY = REPO / "node_modules" / ".bin" / "configurable-http-proxy"


def _proxy_command():
    if not shutil.which("node"):
        pytest.skip("node is not installed: JupyterHub's proxy (configurable-http-proxy) needs it")
    if PROXY.exists():
        return str(PROXY)
    found = shutil.which("configurable-http-proxy")
    if not found:
        pytest.skip("configurable-http-proxy is not installed: run `make hub-deps` (npm ci)")
    return found


HUB_CONFIG = """
c = get_config()  # noqa: F821
c.JupyterHub.bind_url = "http://127.0.0.1:{port}"
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {hub_port}
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{api_port}"
c.ConfigurableHTTPProxy.command = [{proxy!r}]
c.JupyterHub.db_url = "sqlite:///{tmp}/jupyterhub.sqlite"
c.JupyterHub.cookie_secret_file = "{tmp}/jupyterhub_cookie_secret"
c.JupyterHub.authenticator_class = "shared-password"
c.SharedPasswordAuthenticator.user_password = {password!r}
c.Authenticator.allowed_users = {users!r}
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = "{tmp}/home/{{username}}"
c.Spawner.cmd = [{singleuser!r}]
c.Spawner.args = {args!r}
c.Spawner.env_keep = {env_keep!r}
c.Spawner.start_timeout = 60
c.Spawner.http_timeout = 60
c.LocalProcessSpawner.interrupt_timeout = 1  # then SIGTERM: a quick shutdown at the end
# Answer "start my server" at once (202) instead of after up to 10 s: the three start together.
c.JupyterHub.tornado_settings = {{"slow_spawn_timeout": 0}}
"""


def _user_config(exchange, extra=""):
    """What a hub image puts in /etc/jupyter/nbgrader_config.py (here: ~/.jupyter/)."""
    return (f'c = get_config()  # noqa: F821\nc.Exchange.root = {str(exchange)!r}\n'
            f'c.CourseDirectory.course_id = "{COURSE}"\n{extra}')


class User:
    """One hub user: logs in with the password, gets a token, talks to their server."""

    def __init__(self, hub_url, name):
        self.hub, self.name = hub_url, name
        web = requests.Session()
        web.get(f"{hub_url}/hub/login", timeout=10).raise_for_status()
        r = web.post(f"{hub_url}/hub/login", timeout=10, allow_redirects=False,
                     data={"username": name, "password": PASSWORD, "_xsrf": web.cookies["_xsrf"]})
        assert r.status_code == 302, f"{name} could not log in: {r.status_code} {r.text[:300]}"
        r = web.post(f"{hub_url}/hub/api/users/{name}/tokens", timeout=10,
                     headers={"X-XSRFToken": web.cookies["_xsrf"]},
                     json={"note": "test_hub", "expires_in": 900})
        r.raise_for_status()
        self.http = requests.Session()
        self.http.headers["Authorization"] = f"token {r.json()['token']}"
        self.server = f"{hub_url}/user/{name}/"

    def start(self):
        r = self.http.post(f"{self.hub}/hub/api/users/{self.name}/server", timeout=30)
        assert r.status_code in (201, 202), f"{self.name}'s server did not start: {r.text[:300]}"

    def wait_ready(self, deadline):
        while time.monotonic() < deadline:
            r = self.http.get(f"{self.hub}/hub/api/users/{self.name}", timeout=10)
            r.raise_for_status()
            if r.json()["servers"].get("", {}).get("ready"):
                return
            time.sleep(0.3)
        raise AssertionError(f"{self.name}'s server was not ready in time")

    def call(self, method, path, **kwargs):
        r = self.http.request(method, self.server + path, timeout=120, **kwargs)
        assert r.status_code < 300, f"{self.name}: {method} {path}: {r.status_code} {r.text[:500]}"
        out = r.json() if r.content else None
        if isinstance(out, dict) and out.get("success") is False:
            raise AssertionError(f"{self.name}: {method} {path} failed: {out.get('value') or out}")
        return out

    # The Assignment List's API (nbgrader's assignment_list server extension).
    def assignment_action(self, action):
        return self.call("POST", f"assignments/{action}",
                         json={"course_id": COURSE, "assignment_id": LAB})["value"]

    def assignments(self):
        return self.call("GET", "assignments", params={"course_id": COURSE})["value"]

    # The Formgrader's API (nbgrader's formgrader server extension).
    def formgrader(self, path):
        return self.call("POST", f"formgrader/api/{path}")

    def read_notebook(self, path):
        return nbformat.from_dict(self.call("GET", f"api/contents/{path}", params={"content": 1})["content"])


@pytest.fixture
def hub(tmp_path):
    proxy = _proxy_command()
    exchange = tmp_path / "exchange"
    exchange.mkdir()
    exchange.chmod(0o777)
    homes = tmp_path / "home"
    # The instructor's home is their course folder: the course config and the lab's source.
    make_course(homes / INSTRUCTOR, [LAB])
    for name in (INSTRUCTOR, *STUDENTS):
        cfg = homes / name / ".jupyter"
        cfg.mkdir(parents=True, exist_ok=True)
        # One OS user for every server here: a student's nbgrader identity is set
        # explicitly (with separate OS users, nbgrader takes it from the account).
        extra = "" if name == INSTRUCTOR else f'c.CourseDirectory.student_id = "{name}"\n'
        (cfg / "nbgrader_config.py").write_text(_user_config(exchange, extra))

    env = course_env(tmp_path / "tools-home")
    port, hub_port, api_port = free_ports(3)
    # The instructors' guide's set-up for every user's server: the course's one server
    # config file (jupyter/server/: the contents manager, so notebooks open unmodified and
    # widgets from a stopped kernel say to run the cell again).
    env["JUPYTER_CONFIG_PATH"] = str(REPO / "jupyter" / "server")
    args = ["--allow-root"] if os.geteuid() == 0 else []
    env_keep = ["PATH", "PYTHONPATH", "LANG", "LC_ALL", "MPLBACKEND", "PYDEVD_DISABLE_FILE_VALIDATION",
                "TF_CPP_MIN_LOG_LEVEL", "TF_ENABLE_ONEDNN_OPTS", "JUPYTER_CONFIG_PATH"]
    config = tmp_path / "jupyterhub_config.py"
    config.write_text(HUB_CONFIG.format(
        port=port, hub_port=hub_port, api_port=api_port, proxy=proxy, tmp=tmp_path, password=PASSWORD,
        users={INSTRUCTOR, *STUDENTS}, singleuser=str(BIN / "jupyterhub-singleuser"), args=args,
        env_keep=env_keep))
    log = open(tmp_path / "jupyterhub.log", "w")
    proc = subprocess.Popen([str(BIN / "jupyterhub"), "-f", str(config)], cwd=tmp_path, env=env,
                            stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            assert proc.poll() is None, "JupyterHub exited:\n" + (tmp_path / "jupyterhub.log").read_text()[-3000:]
            try:
                if requests.get(f"{url}/hub/api/", timeout=2).ok:
                    break
            except requests.ConnectionError:
                pass
            assert time.monotonic() < deadline, "JupyterHub did not come up in 30 s"
            time.sleep(0.3)
        yield url, homes, env
    finally:
        proc.terminate()  # the hub stops the proxy and the servers it started
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, 9)
        log.close()


def test_release_fetch_submit_collect_autograde_feedback_through_the_hub(hub):
    url, homes, env = hub
    teacher = User(url, INSTRUCTOR)
    alice, bob = (User(url, s) for s in STUDENTS)
    for user in (teacher, alice, bob):
        user.start()
    deadline = time.monotonic() + 90  # three servers starting at once on a busy machine
    teacher.wait_ready(deadline)

    # Instructor: generate and release the lab (Formgrader: "Generate", "Release").
    teacher.formgrader(f"assignment/{LAB}/assign")
    teacher.formgrader(f"assignment/{LAB}/release")

    # Students: the Assignment List shows the lab; fetch it, write, submit.
    for student in (alice, bob):
        student.wait_ready(deadline)
        assert [(a["assignment_id"], a["status"]) for a in student.assignments()] == [(LAB, "released")]
        fetched = student.assignment_action("fetch")
        assert (LAB, "fetched") in [(a["assignment_id"], a["status"]) for a in fetched]
    nb_path = f"{LAB}/{LAB}.ipynb"
    fetched_nb = alice.read_notebook(nb_path)
    # The course's contents manager serves it (from jupyter/server/): the released file
    # names only the language; the server fills in this Python's version.
    assert "version" not in read(notebook_path(LAB, release=True)).metadata.language_info
    assert fetched_nb.metadata.get("language_info", {}).get("version") == sys.version.split()[0]
    answered = fill_solutions(fetched_nb, read(notebook_path(LAB)))
    alice.call("PUT", f"api/contents/{nb_path}",
               json={"type": "notebook", "format": "json", "content": json.loads(nbformat.writes(answered))})
    for student in (alice, bob):
        student.assignment_action("submit")

    # Instructor: collect, autograde each submission, generate and release feedback.
    teacher.formgrader(f"assignment/{LAB}/collect")
    assert sorted(p.name for p in (homes / INSTRUCTOR / "submitted").iterdir()) == sorted(STUDENTS)
    for name in STUDENTS:
        teacher.formgrader(f"submission/{LAB}/{name}/autograde")
    teacher.formgrader(f"assignment/{LAB}/generate_feedback")
    teacher.formgrader(f"assignment/{LAB}/release_feedback")

    # The gradebook, as the Formgrader shows it and as `nbgrader export` writes it.
    max_score = sum(nbgrader_meta(c)["points"] for c in graded_cells(read(notebook_path(LAB))))
    shown = {s["student"]: (s["score"], s["max_score"])
             for s in teacher.call("GET", f"formgrader/api/submissions/{LAB}")}
    assert shown == {"alice": (max_score, max_score), "bob": (0, max_score)}
    run_nbgrader(["export"], homes / INSTRUCTOR, env)
    with open(homes / INSTRUCTOR / "grades.csv", newline="") as fh:
        grades = {r["student_id"]: (float(r["score"]), float(r["max_score"]))
                  for r in csv.DictReader(fh) if r["assignment"] == LAB}
    assert grades == {"alice": (max_score, max_score), "bob": (0.0, max_score)}

    # Students: fetch feedback; each gets exactly one report, their own.
    for student, score in ((alice, max_score), (bob, 0)):
        listed = student.assignment_action("fetch_feedback")
        submitted = [a for a in listed if a["status"] == "submitted"]
        assert [s["has_local_feedback"] for a in submitted for s in a["submissions"]] == [True]
        reports = list((homes / student.name / LAB / "feedback").rglob("*.html"))
        assert len(reports) == 1, reports
        total = re.search(r"Score: ([\d.]+) / ([\d.]+)", reports[0].read_text())  # the first is the total
        assert total and tuple(map(float, total.groups())) == (score, max_score), (
            f"{student.name}'s feedback does not show their own score")
    # A student's token does not open another user's server.
    r = alice.http.get(f"{url}/user/bob/api/contents/{LAB}", timeout=10, allow_redirects=False)
    assert r.status_code == 403, r.status_code
