"""Unit tests for nblib.runtime: TensorFlow's quiet start-up, set in one place."""

import subprocess
import sys

import nblib
from nblib.runtime import TENSORFLOW_ENV, quiet_tensorflow


def test_sets_missing_variables_and_keeps_the_users():
    env = {"TF_CPP_MIN_LOG_LEVEL": "3"}
    assert quiet_tensorflow(env) == {"TF_CPP_MIN_LOG_LEVEL": "3", "TF_ENABLE_ONEDNN_OPTS": "0"}
    assert env["TF_ENABLE_ONEDNN_OPTS"] == "0"


def test_importing_nblib_changes_nothing():
    code = ("import os, nblib, nblib.checks, nblib.data, nblib.plots, nblib.widgets, nblib.runtime; "
            "print(sorted(k for k in os.environ if k in ('TF_CPP_MIN_LOG_LEVEL', 'TF_ENABLE_ONEDNN_OPTS')))")
    env = {k: v for k, v in __import__("os").environ.items() if k not in TENSORFLOW_ENV}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
    assert nblib.__version__
