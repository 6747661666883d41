"""nblib.__version__ comes from the installed distribution "nn-basics", read lazily."""

import importlib.metadata
import pathlib
import subprocess
import sys

import pytest

import nblib

ROOT = pathlib.Path(nblib.__file__).resolve().parents[1]


def test_version_is_the_distributions_or_unknown_for_a_clone():
    try:
        expected = importlib.metadata.version("nn-basics")
    except importlib.metadata.PackageNotFoundError:
        expected = "0+unknown"  # imported from a clone (e.g. in Colab), not installed
    assert nblib.__version__ == expected
    from nblib import __version__
    assert __version__ == expected


def test_a_clone_without_metadata_gets_0_unknown(monkeypatch):
    def missing(name):
        raise importlib.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(importlib.metadata, "version", missing)
    assert nblib.__version__ == "0+unknown"


def test_importing_nblib_reads_no_metadata():
    code = ("import sys; before = 'importlib.metadata' in sys.modules; import nblib; "
            "assert before or 'importlib.metadata' not in sys.modules, 'metadata read on import'; "
            "print(nblib.__version__)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False,
                         cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip()


def test_other_missing_attributes_still_raise():
    with pytest.raises(AttributeError, match="no_such_thing"):
        getattr(nblib, "no_such_thing")  # noqa: B009
