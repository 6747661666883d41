"""The pinned environment: requirements.txt is a full lock, environment.yml agrees with it,
and the machine running the tests has what the lock says."""

import re
from importlib import metadata

import pytest
import yaml
from tools.course import REPO

# conda-forge spells a few packages differently from PyPI.
CONDA_TO_PYPI = {"matplotlib-base": "matplotlib", "nbconvert-core": "nbconvert"}


def _norm(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def _requirements():
    """(direct, all) as {name: (version, marker)}; direct = the block before the transitive pins."""
    direct, everything, block = {}, {}, "direct"
    for raw in (REPO / "requirements.txt").read_text().splitlines():
        line = raw.strip()
        if line.startswith("# --- everything"):
            block = "rest"
        if not line or line.startswith("#"):
            continue
        spec, _, marker = line.partition(";")
        m = re.fullmatch(r"([A-Za-z0-9_.\-]+)==([^\s]+)", spec.strip())
        assert m, f"requirements.txt: not an exact pin: {line!r}"
        entry = (m.group(2), marker.strip())
        everything.setdefault(_norm(m.group(1)), []).append(entry)
        if block == "direct":
            direct.setdefault(_norm(m.group(1)), []).append(entry)
    return direct, everything


def _environment():
    env = yaml.safe_load((REPO / "environment.yml").read_text())
    conda, pip = {}, []
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            pip = dep["pip"]
            continue
        name, _, version = dep.partition("=")
        conda[_norm(CONDA_TO_PYPI.get(name, name))] = version
    return env, conda, pip


def test_requirements_pin_every_package_exactly_once():
    _, everything = _requirements()
    for name, entries in everything.items():
        markers = [m for _, m in entries]
        assert len(entries) == 1 or all(markers), f"{name} pinned twice without markers"


def test_environment_yml_matches_requirements():
    direct, _ = _requirements()
    env, conda, pip = _environment()
    assert "conda-forge" in env["channels"]
    assert conda.pop("python") == "3.11"
    assert "pip" in conda and conda.pop("pip") == ""
    pip_pins = {}
    for line in pip:
        if line == "-e .":
            continue
        spec, _, marker = line.partition(";")
        name, _, version = spec.strip().partition("==")
        pip_pins.setdefault(_norm(name), []).append((version, marker.strip()))
    assert "-e ." in pip, "environment.yml must install nblib (pip: -e .)"
    listed = {name: [(v, "")] for name, v in conda.items()}
    overlap = set(listed) & set(pip_pins)
    assert not overlap, f"listed both for conda and pip: {overlap}"
    listed.update(pip_pins)
    assert set(listed) == set(direct), (
        f"only in environment.yml: {sorted(set(listed) - set(direct))}; "
        f"only in requirements.txt: {sorted(set(direct) - set(listed))}")
    for name, entries in direct.items():
        assert sorted(listed[name]) == sorted(entries), f"{name}: {listed[name]} vs {entries}"


def test_tensorflow_on_every_platform():
    direct, _ = _requirements()
    markers = [m for _, m in direct["tensorflow-cpu"] + direct["tensorflow"]]
    text = " ".join(markers)
    for platform in ('"linux"', '"win32"', '"darwin"'):
        assert platform in text


@pytest.mark.parametrize("name", ["numpy", "scipy", "keras", "scikit-learn", "matplotlib", "nbgrader",
                                  "ipywidgets", "jupyterlab"])
def test_installed_versions_match_the_lock(name):
    direct, _ = _requirements()
    assert metadata.version(name) == direct[_norm(name)][0][0]


def test_nblib_dependencies_are_in_the_lock():
    import tomllib

    deps = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["dependencies"]
    _, everything = _requirements()
    for dep in deps:
        name = re.match(r"[A-Za-z0-9_.\-]+", dep).group(0)
        assert _norm(name) in everything, f"nblib needs {name}, which the lock does not pin"
