"""The student set-ups. `make lab` hides nbgrader's instructor tools and exchange
panels and `make instructor` shows them; each lab's Colab cell does nothing elsewhere.

Both JupyterLab servers are started with the exact commands the Makefile runs (read
with `make -n`, the venv's stamp taken as up to date), on spare ports, with a
throw-away home folder; the test reads what a browser gets: the page config of /lab
(the JupyterLab plugins turned off) and the nbgrader server extensions' URLs.
"""

import json
import os
import re
import shlex
import shutil
import subprocess

import pytest
import requests

from tools.course import LABS, REPO, notebook_path, read
from tools.servers import free_ports, make_lab_command, stop, wait_until_up

TOKEN = "student-setup-test"
# JupyterLab plugins of @jupyter/nbgrader 0.9.6 that are instructor-only or need an exchange.
HIDDEN_PLUGINS = {"@jupyter/nbgrader:formgrader", "@jupyter/nbgrader:create-assignment",
                  "@jupyter/nbgrader:course-list", "@jupyter/nbgrader:assignment-list",
                  "@jupyter/nbgrader:menu"}
# URL of each nbgrader server extension (GET answers 404 only when it is off).
SERVER_EXTENSIONS = {"formgrader": "/formgrader", "course_list": "/formgraders",
                     "assignment_list": "/assignments?course_id=nn-basics",
                     "validate_assignment": "/assignments/validate"}


def _make_command(target, port):
    """The shell command `make <target>` runs, with arguments for a headless test server."""
    if not shutil.which("make"):
        pytest.skip("make is not installed")
    return make_lab_command(target, f"--no-browser --ip=127.0.0.1 --port={port} --ServerApp.port_retries=0 "
                                    f"--IdentityProvider.token={TOKEN}")


def _start(target, home):
    (port,) = free_ports()
    env = {k: v for k, v in os.environ.items() if not k.startswith("JUPYTER_")}
    env.update(HOME=str(home), JUPYTER_RUNTIME_DIR=str(home / "runtime"))
    proc = subprocess.Popen(_make_command(target, port), shell=True, cwd=REPO, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    return proc, f"http://127.0.0.1:{port}"


def _what_a_browser_gets(url):
    """(JupyterLab plugins turned off, nbgrader server extensions that answer)."""
    html = requests.get(f"{url}/lab", params={"token": TOKEN}, timeout=10).text
    config = json.loads(re.search(r'<script id="jupyter-config-data" type="application/json">(.*?)</script>',
                                  html, re.S).group(1))
    disabled = config["disabledExtensions"]
    disabled = {name for name in disabled if not isinstance(disabled, dict) or disabled[name]}
    served = {name for name, path in SERVER_EXTENSIONS.items()
              if requests.get(f"{url}{path}", params={"token": TOKEN}, timeout=10,
                              allow_redirects=False).status_code != 404}
    return disabled, served


def test_students_lab_hides_the_instructor_tools_and_the_instructors_lab_has_them(tmp_path):
    servers = {}
    try:
        for target in ("lab", "instructor"):
            (tmp_path / target).mkdir()
            servers[target] = _start(target, tmp_path / target)
        for proc, url in servers.values():
            wait_until_up(proc, url, TOKEN)
        student_disabled, student_served = _what_a_browser_gets(servers["lab"][1])
        instructor_disabled, instructor_served = _what_a_browser_gets(servers["instructor"][1])
    finally:
        for proc, _ in servers.values():
            stop(proc, timeout=15)
    assert HIDDEN_PLUGINS <= student_disabled
    assert "@jupyterlab/apputils-extension:announcements" in student_disabled  # no news pop-up
    assert "@jupyter/nbgrader:validate-assignment" not in student_disabled
    assert student_served == {"validate_assignment"}
    assert not {p for p in instructor_disabled if p.startswith("@jupyter/nbgrader")}
    assert instructor_served == set(SERVER_EXTENSIONS)


def test_the_makefile_targets_differ_only_by_the_student_config_folder():
    student, instructor = _make_command("lab", 1), _make_command("instructor", 1)
    assert student.replace(f'JUPYTER_CONFIG_PATH="{REPO}/jupyter/student" ', "") == instructor
    assert shlex.split(student)[1] == f"JUPYTER_CONFIG_PATH={REPO}/jupyter/student"
    # Both hand notebooks over through nblib.contents (tests/test_browser.py: its effect).
    assert "--ServerApp.contents_manager_class=nblib.contents.CourseContentsManager" in shlex.split(instructor)


@pytest.mark.parametrize("lab", LABS)
def test_the_colab_cell_opens_the_setup_and_does_nothing_elsewhere(lab, capfd):
    for release in (False, True):
        cells = read(notebook_path(lab, release)).cells
        (where,) = [i for i, c in enumerate(cells) if c.get("id") == "colab-setup"]
        assert cells[where - 1].source.startswith("## Setup") and cells[where].cell_type == "code"
        namespace = {}
        exec(cells[where].source, namespace)  # not on Colab: no clone, no output, no folder change
        assert set(namespace) - {"__builtins__"} == {"sys"}
        assert capfd.readouterr() == ("", "")
        assert cells[where].source.rstrip().endswith(f'os.chdir(f"{{COURSE}}/notebooks/{lab}")')
