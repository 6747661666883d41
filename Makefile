# Set-up and everyday commands. `make lab` and `make test` are all a newcomer needs:
# both create .venv with the pinned environment on first use (requirements/: one lock per
# audience, student < instructor < dev; `make lock` regenerates them).

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
# One stamp per level: moving up (`make lab`, then `make test`) installs what the higher
# lock adds. A level's lock holds every package of the levels below it at the same
# versions (tests/test_environment.py), so installing it marks those levels done too.
VENV_STAMP := $(VENV)/.created
STUDENT_STAMP := $(VENV)/.installed-student
INSTRUCTOR_STAMP := $(VENV)/.installed-instructor
DEV_STAMP := $(VENV)/.installed-dev
LABS := $(notdir $(wildcard solutions/[0-9]*))
JOBS ?= 2

.PHONY: lab instructor test check lock release bench grade report clean-venv help hub-deps

help:
	@echo "make lab      create .venv if needed and open the course in JupyterLab (students)"
	@echo "make instructor  the same JupyterLab with nbgrader's Formgrader and exchange panels"
	@echo "make test     create .venv if needed and run the whole test suite (ruff first)"
	@echo "make check    the quick subset: ruff and the tests not marked slow"
	@echo "make lock     regenerate requirements/*.txt, binder/requirements.txt and environment.yml"
	@echo "make release  regenerate notebooks/ from solutions/ with nbgrader (instructors)"
	@echo "make bench    time and measure each lab (execution and autograding)"
	@echo "make grade LAB=<lab>  grade every submission of a lab, sealed and in parallel (instructors)"
	@echo "make report LAB=<lab> rebuild the class report from the gradebook (instructors)"
	@echo "make selfcheck LAB=<lab> [NOTEBOOK=path]  grade your own notebook with the hidden tests (students)"
	@echo "make book     build the course website into _build/book/ (runs the labs; Sphinx, offline)"

$(VENV_STAMP):
	$(PYTHON) -c "import sys; assert sys.version_info[:2] == (3, 11), 'the course needs Python 3.11, got ' + sys.version.split()[0] + '; run: make PYTHON=python3.11 ...'"
	$(PYTHON) -m venv $(VENV)
	@touch $@

# $(call install,<level>,<stamps it completes>)
define install
	$(BIN)/python -m pip install --disable-pip-version-check -r requirements/$(1).txt
	$(BIN)/python -m pip install --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $(2)
endef

$(STUDENT_STAMP): requirements/student.txt pyproject.toml | $(VENV_STAMP)
	$(call install,student,$@)

$(INSTRUCTOR_STAMP): requirements/instructor.txt pyproject.toml | $(VENV_STAMP)
	$(call install,instructor,$(STUDENT_STAMP) $@)

$(DEV_STAMP): requirements/dev.txt pyproject.toml | $(VENV_STAMP)
	$(call install,dev,$(STUDENT_STAMP) $(INSTRUCTOR_STAMP) $@)

# One JupyterLab, two set-ups, both reading jupyter/server/ (JUPYTER_CONFIG_PATH, nothing
# written to ~/.jupyter): the course's contents manager (nnb_server.contents), so opening
# a lab does not mark it modified and a widget from a stopped kernel says to run its cell
# again. Students' (`make lab`) reads jupyter/student/ first: nbgrader's instructor tools
# and exchange panels are off. The instructor's (`make instructor`) has them all.
# tests/test_student_setup.py runs these two commands (`make -n`) and checks both.
JUPYTER_LAB := $(BIN)/jupyter lab $(ROOT_FLAG) --ServerApp.root_dir="$(CURDIR)"
SERVER_CONFIG := $(CURDIR)/jupyter/server
STUDENT_CONFIG := JUPYTER_CONFIG_PATH="$(CURDIR)/jupyter/student:$(SERVER_CONFIG)"
INSTRUCTOR_CONFIG := JUPYTER_CONFIG_PATH="$(SERVER_CONFIG)"

lab: $(STUDENT_STAMP)
	$(RUN) $(STUDENT_CONFIG) $(JUPYTER_LAB) $(LAB_ARGS)

instructor: $(INSTRUCTOR_STAMP)
	$(RUN) $(INSTRUCTOR_CONFIG) $(JUPYTER_LAB) $(LAB_ARGS)

test: $(DEV_STAMP) hub-deps
	$(BIN)/ruff check .
	$(RUN) $(BIN)/python -m pytest -n $(JOBS) --dist worksteal $(PYTEST_ARGS)

# The quick subset (under 2 minutes on 2 cores): lint and every test not marked slow.
check: $(DEV_STAMP)
	$(BIN)/ruff check .
	$(RUN) $(BIN)/python -m pytest -m "not slow" -n $(JOBS) --dist worksteal $(PYTEST_ARGS)

# Regenerate the locks after editing requirements/*.in (uv keeps every other version), and
# the files derived from the student lock. requirements/compile.sh has the exact commands.
lock: $(DEV_STAMP)
	UV=$(BIN)/uv PYTHON=$(BIN)/python requirements/compile.sh $(LOCK_ARGS)

release: $(INSTRUCTOR_STAMP)
	@for lab in $(LABS); do \
	  $(RUN) $(BIN)/nbgrader generate_assignment "$$lab" --force --log-level=WARN || exit 1; \
	done

bench: $(DEV_STAMP)
	$(RUN) $(BIN)/python -m benchmarks.bench $(LABS)

# Grade every submitted/<student>/$(LAB)/ sealed and in parallel (nnb-grade, nnb_grading/classroom.py):
#   make grade LAB=01-regression [WORKERS=4] [ENGINE=dask] [SCHEDULER=tcp://host:8786] [COURSE=dir]
# COURSE is the nbgrader course folder (default: this one).
COURSE ?= $(CURDIR)
grade: $(INSTRUCTOR_STAMP)
	@test -n "$(LAB)" || { echo "usage: make grade LAB=<lab id> [WORKERS=n] [ENGINE=processes|dask]"; exit 2; }
	$(RUN) $(BIN)/nnb-grade "$(LAB)" --course "$(COURSE)" $(if $(WORKERS),--workers $(WORKERS)) \
	  $(if $(ENGINE),--engine $(ENGINE)) $(if $(SCHEDULER),--scheduler $(SCHEDULER)) $(if $(FORCE),--force)

# Rebuild reports/$(LAB)/class-report.md from the gradebook and the integrity reports
# (after regrading by hand in the Formgrader, say); `make grade` ends with it.
report: $(INSTRUCTOR_STAMP)
	@test -n "$(LAB)" || { echo "usage: make report LAB=<lab id>"; exit 2; }
	$(RUN) $(BIN)/nnb-report "$(LAB)" --course "$(COURSE)"

# Grade your own copy of a lab with the hidden tests of solutions/, sealed as `make grade`
# does, in a throw-away course (nnb_grading/selfcheck.py): the course's gradebook is not
# touched. Grading needs the instructor's packages (nbgrader).
#   make selfcheck LAB=02-perceptron [NOTEBOOK=path/to/your.ipynb]
.PHONY: selfcheck
selfcheck: NOTEBOOK ?= notebooks/$(LAB)/$(LAB).ipynb
selfcheck: $(INSTRUCTOR_STAMP)
	@test -n "$(LAB)" || { echo "usage: make selfcheck LAB=<lab id> [NOTEBOOK=path]"; exit 2; }
	$(RUN) $(BIN)/nnb-selfcheck "$(NOTEBOOK)" --lab "$(LAB)"

# JupyterHub's proxy (configurable-http-proxy, pinned in package-lock.json) for
# tests/test_hub.py. Without npm this only prints a note (the test is then skipped).
NODE_STAMP := node_modules/.installed

hub-deps: $(NODE_STAMP)

$(NODE_STAMP): package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
	  npm ci --no-audit --no-fund && touch $@; \
	else \
	  echo "npm not found: tests/test_hub.py will be skipped (install nodejs and npm to run it)"; \
	fi

# The course website (book/build.py): every lab executed, shown as released with the
# solution's outputs, built offline with Sphinx; MathJax comes from node_modules (hub-deps).
#   make book [BOOK_ARGS="--out DIR --jupyterhub-url URL"]
.PHONY: book
book: $(DEV_STAMP) hub-deps
	$(RUN) $(BIN)/python -m book.build $(BOOK_ARGS)

clean-venv:
	rm -rf $(VENV)
