"""Binder: the binder/ folder follows repo2docker's conventions and agrees with the student lock.

repo2docker reads only binder/ when it exists (the root's environment.yml and
pyproject.toml are then ignored), picks its Python buildpack for a requirements.txt
with a runtime.txt, installs binder/requirements.txt before copying the repository,
then runs binder/postBuild from the repository's root. These checks are static:
building the image needs Docker and network access to conda-forge.
"""

import importlib.util
import json
import os
import re
from urllib.parse import parse_qs, urlparse

from tests.harness.course import REPO

BINDER = REPO / "binder"
# A Binder session is a student's: binder/requirements.txt is the student lock
# (requirements/student.txt, copied by requirements/derive.py), except JupyterHub, whose
# single-user server Binder supplies itself (repo2docker pins the one that matches its hub).
LEFT_TO_BINDER = {"jupyterhub"}


def _pins(path):
    """{name: requirement line without spaces}, comments and blank lines dropped."""
    pins = {}
    for raw in path.read_text().splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        name = re.match(r"[A-Za-z0-9_.\-]+", line).group(0).lower().replace("_", "-")
        pins.setdefault(name, []).append(re.sub(r"\s+", "", line))
    return pins


def test_binder_folder_is_the_one_repo2docker_reads():
    assert BINDER.is_dir() and not (REPO / ".binder").exists(), "repo2docker refuses both binder/ and .binder/"
    # Files that would pick another buildpack before the Python one (Dockerfile, conda, Nix, R, Pipfile).
    others = {"Dockerfile", "environment.yml", "environment.yaml", "default.nix", "install.R",
              "DESCRIPTION", "Project.toml", "Pipfile", "Pipfile.lock"}
    assert not others & {p.name for p in BINDER.iterdir()}
    assert (BINDER / "runtime.txt").read_text().strip() == "python-3.11"


def test_binder_requirements_are_the_student_lock():
    lock, binder = _pins(REPO / "requirements" / "student.txt"), _pins(BINDER / "requirements.txt")
    assert not LEFT_TO_BINDER & set(binder)
    expected = {name: lines for name, lines in lock.items() if name not in LEFT_TO_BINDER}
    assert binder == expected, (
        f"binder/requirements.txt differs from requirements/student.txt: only in binder "
        f"{sorted(set(binder) - set(expected))}, missing {sorted(set(expected) - set(binder))}, "
        f"different {sorted(n for n in set(binder) & set(expected) if binder[n] != expected[n])}; "
        "regenerate it: make lock")
    # Byte for byte what the generator writes (its header says so).
    spec = importlib.util.spec_from_file_location("derive", REPO / "requirements" / "derive.py")
    derive = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(derive)
    assert derive.LEFT_TO_BINDER == LEFT_TO_BINDER
    assert (BINDER / "requirements.txt").read_text() == derive.expected()[BINDER / "requirements.txt"]
    # No local references: repo2docker installs this file before it copies the repository.
    assert not [l for lines in binder.values() for l in lines if l.startswith(("-", ".", "/"))]


def test_postbuild_installs_nblib():
    script = BINDER / "postBuild"
    assert os.access(script, os.X_OK)
    lines = script.read_text().splitlines()
    assert lines[0] == "#!/bin/bash"
    assert any(re.match(r"set -[a-z]*e", l) for l in lines), "postBuild must stop on errors"
    installs = [l for l in lines if re.search(r"\bpip install\b", l)]
    # repo2docker runs it from the repository's root; the pins are already installed.
    assert installs and all(re.search(r"(-e|--editable) \.$", l) and "--no-deps" in l for l in installs), installs


def test_readme_badge_opens_lab_01():
    badges = re.findall(r"\(https://mybinder\.org/v2/gh/([^)\s]+)\)", (REPO / "README.md").read_text())
    assert badges, "README has no mybinder.org launch link"
    for link in badges:
        url = urlparse("https://x/" + link)
        path = parse_qs(url.query)["urlpath"][0]
        assert path.startswith("lab/tree/"), path
        assert (REPO / path.removeprefix("lab/tree/")).is_file(), f"the badge opens a missing file: {path}"
        assert path.endswith("notebooks/01-regression/01-regression.ipynb")


def test_postbuild_sets_the_course_contents_manager(tmp_path):
    """postBuild's config step, run against a throw-away prefix that already has config."""
    script = (BINDER / "postBuild").read_text()
    snippet = re.search(r"python - <<'EOF'\n(.*?)\nEOF\n", script, re.S).group(1)
    assert "sys.prefix" in snippet
    config = tmp_path / "etc" / "jupyter" / "jupyter_server_config.json"
    config.parent.mkdir(parents=True)
    config.write_text('{"ServerApp": {"jpserver_extensions": {"nbgrader.server_extensions.formgrader": false}}}')
    cwd = os.getcwd()
    os.chdir(REPO)  # repo2docker runs postBuild from the repository's root
    try:
        exec(snippet.replace("sys.prefix", repr(str(tmp_path))), {})
    finally:
        os.chdir(cwd)
    server = json.loads(config.read_text())["ServerApp"]
    assert server == {"jpserver_extensions": {"nbgrader.server_extensions.formgrader": False},
                      "contents_manager_class": "nnb_server.contents.CourseContentsManager"}
