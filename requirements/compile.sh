#!/usr/bin/env bash
# Regenerate the locks (student.txt, instructor.txt, dev.txt) from the .in files, then the
# files derived from the student lock (binder/requirements.txt, environment.yml).
# `make lock` runs this. Each lock is resolved for every platform (--universal keeps the
# TensorFlow markers) and for Python 3.11, in order: a level is constrained by the lock
# below it (-c in its .in), so a package has the same version at every level.
# uv keeps the versions already in a lock unless an .in file asks for others; extra
# arguments go to every `uv pip compile`, e.g. `requirements/compile.sh --upgrade-package requests`.
# --python-version 3.11.5: the locked soupsieve needs Python >= 3.11.5 (the Makefile asks for 3.11).
# --no-emit-package setuptools: like the pip freeze these locks replace, leave setuptools to
# the environment (venv, Binder, conda): TensorFlow and nbgrader only need some setuptools.
set -euo pipefail
cd "$(dirname "$0")/.."
UV=${UV:-$(command -v .venv/bin/uv || command -v uv)}
for level in student instructor dev; do
  "$UV" pip compile --quiet --universal --python-version 3.11.5 --no-emit-package setuptools \
    "requirements/$level.in" -o "requirements/$level.txt" "$@"
done
"${PYTHON:-python3}" requirements/derive.py
