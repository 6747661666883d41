"""The student set-ups. `make lab` hides nbgrader's instructor tools and exchange
panels and `make instructor` shows them; each lab's Colab cell does nothing elsewhere
and, on Colab, clones the repository at the ref pyproject.toml's [tool.nn-basics] names.

Both JupyterLab servers are started with the exact commands the Makefile runs (read
with `make -n`, the venv's stamp taken as up to date), on spare ports, with a
throw-away home folder; the test reads what a browser gets: the page config of /lab
(the JupyterLab plugins turned off) and the nbgrader server extensions' URLs.
"""

import importlib
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tomllib
import types
from pathlib import Path

import pytest
import requests

from tests.harness.course import LABS, REPO, notebook_path, read
from tests.harness.servers import free_ports, make_lab_command, stop, wait_until_up

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
    server = f"{REPO}/jupyter/server"
    assert shlex.split(student)[1] == f"JUPYTER_CONFIG_PATH={REPO}/jupyter/student:{server}"
    assert shlex.split(instructor)[1] == f"JUPYTER_CONFIG_PATH={server}"
    assert student.replace(f"{REPO}/jupyter/student:", "") == instructor
    # Both hand notebooks over through the course's contents manager, set in the one
    # server config file (tests/test_browser.py: its effect in a browser).
    config = json.loads((REPO / "jupyter" / "server" / "jupyter_server_config.json").read_text())
    manager = config["ServerApp"]["contents_manager_class"]
    module, _, name = manager.rpartition(".")
    assert getattr(importlib.import_module(module), name).__name__ == "CourseContentsManager"
    assert "contents_manager_class" not in student + instructor  # set in one place only


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


# The Colab cells' source of truth: [tool.nn-basics] in pyproject.toml names the
# repository and the git ref every lab's colab-setup cell clones (docs/authors.md).
RUN_FOR_REAL = subprocess.run  # the stand-in clone below still needs the real one


def _colab_setting():
    """(repository URL, git ref) from pyproject.toml's [tool.nn-basics]."""
    setting = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["nn-basics"]
    return setting["repository"], setting["colab_ref"]


def _git(*args):
    """stdout of a git command in this checkout, or None when it fails (or git is missing)."""
    if not shutil.which("git"):
        return None
    done = RUN_FOR_REAL(["git", *args], cwd=REPO, capture_output=True, text=True)
    return done.stdout.strip() if done.returncode == 0 else None


def _ref_in_checkout(ref):
    """The full name under which `ref` is a commit here (a branch, a tag, origin's branch), or None."""
    for name in (f"refs/heads/{ref}", f"refs/tags/{ref}", f"refs/remotes/origin/{ref}"):
        if _git("rev-parse", "--verify", "--quiet", f"{name}^{{commit}}") is not None:
            return name
    return None


@pytest.fixture(scope="module")
def stand_in_clone(tmp_path_factory):
    """A `git clone` for the Colab cell that never reaches the network.

    The clone is made from this checkout: a real `git clone` of the cell's own arguments
    (ref included) with the repository's URL swapped for this checkout's when the ref is
    a local branch or tag, else a folder linking this checkout's nblib, data and notebooks.
    One clone per argument list, linked into each destination the cell asks for.
    """
    made = {}

    def clone(argv, dest):
        key = tuple(argv[:-1])
        if key not in made:
            made[key] = tmp_path_factory.mktemp("colab-clone") / "nn-basics"
            ref = argv[argv.index("--branch") + 1]
            if (_ref_in_checkout(ref) or "").startswith(("refs/heads/", "refs/tags/")):
                local = [REPO.as_uri() if "://" in a else a for a in argv[:-1]] + [str(made[key])]
                RUN_FOR_REAL(local, check=True, capture_output=True)
            else:
                made[key].mkdir()
                for name in ("nblib", "data", "notebooks"):
                    (made[key] / name).symlink_to(REPO / name)
        dest.symlink_to(made[key])

    return clone


@pytest.mark.parametrize("lab", LABS)
def test_the_colab_cell_clones_the_setting_repository_and_ref(lab, tmp_path, monkeypatch, stand_in_clone):
    """Run on a stand-in for Colab: a fake google.colab module, and subprocess.run recording the clone."""
    repository, ref = _colab_setting()
    monkeypatch.setitem(sys.modules, "google.colab", types.ModuleType("google.colab"))
    monkeypatch.setattr(sys, "path", list(sys.path))  # the cell puts the clone first
    monkeypatch.chdir(tmp_path)  # the cell moves into the lab's folder
    calls = []

    def run(argv, **kwargs):
        calls.append(list(argv))
        assert argv[:2] == ["git", "clone"], argv
        stand_in_clone(list(argv), Path(argv[-1]))
        return subprocess.CompletedProcess(argv, 0)

    monkeypatch.setattr(subprocess, "run", run)
    for release in (False, True):
        cells = read(notebook_path(lab, release)).cells
        (cell,) = [c for c in cells if c.get("id") == "colab-setup"]
        # Colab's /content/ becomes a throw-away folder; nothing else of the cell changes.
        assert cell.source.count('"/content/nn-basics"') == 1
        course = tmp_path / ("release" if release else "solution") / "nn-basics"
        course.parent.mkdir()
        source = cell.source.replace('"/content/nn-basics"', repr(str(course)))
        calls.clear()
        exec(source, {})
        (argv,) = calls
        assert [a for a in argv if "://" in a] == [repository], "the cell clones another repository"
        assert argv.count("--branch") == 1 and argv[argv.index("--branch") + 1] == ref, argv
        assert argv[-1] == str(course)
        # nblib and the data are importable from the clone, and the lab's folder is the working one.
        assert sys.path[0] == str(course) and (course / "nblib" / "checks.py").is_file()
        assert (course / "data").is_dir()
        assert Path.cwd().samefile(course / "notebooks" / lab)  # through the clone's link
        assert (Path.cwd() / f"{lab}.ipynb").is_file()
        exec(source, {})  # run again (the folder is there): no second clone
        assert len(calls) == 1


def test_the_colab_ref_exists_in_this_checkout():
    if _git("rev-parse", "--git-dir") is None:
        pytest.skip("not a git checkout (or git is missing)")
    _, ref = _colab_setting()
    assert _ref_in_checkout(ref), (
        f"the Colab cells clone {ref!r}, which is neither a branch, a tag nor origin's branch here: "
        "set [tool.nn-basics] colab_ref in pyproject.toml to a ref that is pushed")


def test_the_docs_colab_links_open_the_setting_ref():
    repository, ref = _colab_setting()
    owner_name = repository.removeprefix("https://github.com/")
    links = [(path.name, link) for path in [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
             for link in re.findall(r"https://colab\.research\.google\.com/github/([^)\s>`]+)", path.read_text())]
    assert links, "no Colab link in README.md or docs/"
    for name, link in links:
        assert link.startswith(f"{owner_name}/blob/{ref}/"), f"{name}: {link} is not {owner_name} at {ref}"
        assert (REPO / link.removeprefix(f"{owner_name}/blob/{ref}/")).is_file(), f"{name}: {link} opens no file"
