# Set-up and everyday commands. `make lab` and `make test` are all a newcomer needs:
# both create .venv with the pinned environment on first use.

PYTHON ?= python3
VENV   := .venv
ifeq ($(OS),Windows_NT)
  BIN := $(VENV)/Scripts
  ROOT_FLAG :=
else
  BIN := $(VENV)/bin
  # Jupyter refuses to start as root unless told; ordinary users never need the flag.
  ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)
endif
# nbgrader runs `alembic` as a subprocess, so the venv's bin/ must come first on PATH.
# (TensorFlow's quiet start-up is set by each notebook: nblib.runtime.quiet_tensorflow.)
RUN := PATH="$(abspath $(BIN)):$$PATH"
STAMP := $(VENV)/.installed
LABS := $(notdir $(wildcard solutions/[0-9]*))
JOBS ?= 2

.PHONY: lab test release bench clean-venv help

help:
	@echo "make lab      create .venv if needed and open the course in JupyterLab"
	@echo "make test     create .venv if needed and run the whole test suite"
	@echo "make release  regenerate notebooks/ from solutions/ with nbgrader (instructors)"
	@echo "make bench    time and measure each lab (execution and autograding)"

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -c "import sys; assert sys.version_info[:2] == (3, 11), 'the course needs Python 3.11, got ' + sys.version.split()[0] + '; run: make PYTHON=python3.11 ...'"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $@

lab: $(STAMP)
	$(RUN) $(BIN)/jupyter lab $(ROOT_FLAG) --ServerApp.root_dir="$(CURDIR)" $(LAB_ARGS)

test: $(STAMP)
	$(RUN) $(BIN)/python -m pytest -n $(JOBS) --dist worksteal $(PYTEST_ARGS)

release: $(STAMP)
	@for lab in $(LABS); do \
	  $(RUN) $(BIN)/nbgrader generate_assignment "$$lab" --force --log-level=WARN || exit 1; \
	done

bench: $(STAMP)
	$(RUN) $(BIN)/python -m benchmarks.bench $(LABS)

clean-venv:
	rm -rf $(VENV)
