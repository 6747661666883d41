"""Sealed grading: nbgrader autograde with each submission's kernel in a sandbox.

The seal is part of nbgrader's own configuration (`nbgrader_config.py`), so every way
of autograding runs it: `make grade` (``nnb_grading.classroom``), `nbgrader autograde` and the
Formgrader's *Autograde* button.

1. **Intake.** Outside nbgrader, in one place (``intake``, run by `make grade`): find
   the notebook even if renamed, read it even if it is an older nbformat, grade an
   unreadable one as empty, and leave extra files (a ``numpy.py``, say) out of the
   grading folder; the cleaned copy goes to a staging folder. Inside nbgrader, first of
   its sanitising steps (``SealedIntake``): drop invented graded cells and duplicated
   ids, scan the student's code (``nnb_grading.integrity``) and mark the cells the student
   wrote. The student's own files are never changed.
2. **Execution** (``SealedExecute``, in place of nbgrader's ``Execute``): the kernel
   starts in the sandbox of ``nnb_grading.sandbox`` through ``nnb_grading/kernel_guard.py``; every
   graded test cell starts with the guard's check and must answer it; a cell over a
   limit (time, memory, output, file size) fails with the reason in its output; a
   kernel that dies is restarted, the cells before re-run, and grading goes on.
   nbgrader's other steps (restoring test cells, scores in the gradebook, feedback)
   are unchanged. Limits come from the course configuration (``SealedExecute``'s
   traits; the per-cell time limit is nbgrader's ``Execute.timeout``).
3. **Integrity report** ``reports/<lab>/integrity/<student>.json``: every finding, each
   limit hit, what the guard refused, and whether a person should review the
   submission. A flag needs the student's own code to have asked for it: what
   libraries do while they start up (urllib3's IPv6 probe, cache folders, thread
   pools) is recorded as information. A finding of the static scan is a flag for a
   person, never lost points: the points come from what happened at run time.

Used by ``nnb_grading.classroom`` (class grading) and ``tests/test_sealed.py`` (the hostile suite).
"""

import copy
import functools
import json
import os
import secrets
import shutil
import tempfile
import time
from pathlib import Path

import nbformat
from jupyter_core.utils import ensure_async, run_sync
from nbclient.exceptions import DeadKernelError
from nbformat.notebooknode import NotebookNode
from nbconvert.preprocessors import Preprocessor
from nbgrader.preprocessors import Execute
from nbgrader.utils import is_grade
from traitlets import Bool, Int

from nnb_grading import integrity
from nnb_grading.course import Course, Limits, course_config, is_solution_cell, is_test_cell
from nnb_grading.kernel_guard import MIME
from nnb_grading.sandbox import SealedKernelManager, sandbox_level

STAGING = ".sealed"
MAX_RESTARTS = 3


def _error(ename, evalue):
    return NotebookNode(output_type="error", ename=ename, evalue=evalue, traceback=[f"{ename}: {evalue}"])


STUDENT_MARK = "nnb_student"       # cell metadata: the student wrote or changed this cell
INTAKE_MARK = "nnb_intake"         # notebook metadata: the intake's findings


def _course_root(config):
    from nbgrader.coursedir import CourseDirectory
    return Path(CourseDirectory(config=config).root).resolve()


def _release_notebook(config, lab):
    from nbgrader.coursedir import CourseDirectory
    coursedir = CourseDirectory(config=config)
    path = Path(coursedir.format_path(coursedir.release_directory, ".", lab)) / f"{lab}.ipynb"
    return copy.deepcopy(_read_once(str(path), path.stat().st_mtime_ns))


@functools.lru_cache(maxsize=8)
def _read_once(path, mtime_ns):
    # A worker grades many submissions of one lab: read (and validate) the release once.
    return nbformat.read(path, as_version=4)


class SealedIntake(Preprocessor):
    """The intake's notebook-level part, first of nbgrader's sanitising steps.

    Drops graded cells the assignment does not have and duplicated grade ids (on which
    nbgrader's own steps fail, nbgrader issue #1083), scans the student's code, marks
    the cells the student wrote, and hands its findings (with those of the file-level
    ``intake``, when `make grade` ran it) to ``SealedExecute`` in the notebook metadata.
    """

    enabled = Bool(True).tag(config=True)
    pending = {}   # (lab, student) -> findings of the file-level intake, set by grade_submission

    def preprocess(self, nb, resources):
        lab, student = resources["nbgrader"]["assignment"], resources["nbgrader"]["student"]
        release_nb = _release_notebook(self.config, lab)
        found = list(self.pending.pop((lab, student), []))
        found += integrity.intake_findings(nb, release_nb)
        found += integrity.scan_notebook(nb, release_nb)
        integrity.strip_unknown_graded_cells(nb, release_nb)
        integrity.drop_duplicate_ids(nb)
        instructor = {c.source for c in release_nb.cells if c.cell_type == "code" and not is_solution_cell(c)}
        for cell in nb.cells:
            cell.get("metadata", {}).pop(STUDENT_MARK, None)
            if cell.cell_type == "code" and (is_solution_cell(cell) or
                                             (not is_grade(cell) and cell.source not in instructor)):
                cell.metadata[STUDENT_MARK] = True
        nb.metadata[INTAKE_MARK] = found
        return nb, resources


class SealedExecute(Execute):
    """nbgrader's Execute with the kernel sealed (see the module docstring).

    The limits are traits, set in the course's `nbgrader_config.py`; the per-cell time
    limit is nbgrader's own ``Execute.timeout``.
    """

    memory_mb = Int(Limits.memory_mb, help="address space of the kernel, MB").tag(config=True)
    cpu_seconds = Int(Limits.cpu_seconds, help="CPU time of the whole kernel, s").tag(config=True)
    total_seconds = Int(Limits.total_seconds, help="wall time of the whole notebook, s").tag(config=True)
    file_mb = Int(Limits.file_mb, help="largest file the kernel may write, MB").tag(config=True)
    output_kb = Int(Limits.output_kb, help="output one cell may print, KB").tag(config=True)

    def __init__(self, *args, **kwargs):
        kwargs["kernel_manager_class"] = SealedKernelManager  # nbgrader's Execute sets its own
        super().__init__(*args, **kwargs)
        self.limits = Limits(memory_mb=self.memory_mb, cpu_seconds=self.cpu_seconds, cell_seconds=self.timeout,
                             total_seconds=self.total_seconds, file_mb=self.file_mb, output_kb=self.output_kb)
        self.course_root = str(_course_root(self.config))

    def create_kernel_manager(self):
        km = super().create_kernel_manager()
        folder = tempfile.mkdtemp(prefix="nnb-kernel-")
        if sandbox_level() == "bwrap":
            # No network inside: the kernel talks to the grader over Unix sockets.
            km.transport = "ipc"
            km.ip = os.path.join(folder, "kernel")
        km.connection_file = os.path.join(folder, "connection.json")
        km.workdir = os.path.abspath(self.resources.get("metadata", {}).get("path") or ".")
        km.course_root = self.course_root
        km.limits = self.limits
        return km

    def preprocess(self, nb, resources=None, km=None):
        self._done, self._restarts, self._out_bytes, self._over = [], 0, {}, set()
        self._deadline = time.monotonic() + self.limits.total_seconds
        self._student_counts = set()
        self._last = max((i for i, c in enumerate(nb.cells) if c.cell_type == "code"), default=-1)
        self.report = {"limits": [], "guard": [], "kernel": [], "info": []}
        self.findings = list(nb.metadata.pop(INTAKE_MARK, []))
        try:
            return super().preprocess(nb, resources, km)
        finally:
            for cell in nb.cells:
                cell.get("metadata", {}).pop(STUDENT_MARK, None)
            info = (resources or {}).get("nbgrader", {})
            if info.get("student") and info.get("assignment"):
                write_report(self.course_root, info["assignment"], info["student"], self.findings, self.report)

    def output(self, outs, msg, display_id, cell_index):
        content = msg.get("content", {})
        size = len(content.get("text", "")) + sum(len(str(v)) for v in content.get("data", {}).values())
        self._out_bytes[cell_index] = self._out_bytes.get(cell_index, 0) + size
        if self._out_bytes[cell_index] > self.limits.output_kb * 1024:
            self._over.add(cell_index)
            return None  # dropped: the grader keeps no more than the limit in memory
        return super().output(outs, msg, display_id, cell_index)

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type != "code":
            return cell, self.resources
        if self._restarts > MAX_RESTARTS:
            cell.outputs = [_error("KernelDied", "not run: the kernel died too often")]
            return cell, self.resources
        if time.monotonic() > self._deadline:
            cell.outputs = [_error("TimeLimit", f"not run: the notebook used up its {self.limits.total_seconds} s")]
            if not any(l["limit"] == "total time" for l in self.report["limits"]):
                self.report["limits"].append({"cell": index + 1, "limit": "total time"})
            return cell, self.resources
        test = is_test_cell(cell)
        source, nonce = cell.source, secrets.token_hex(8)
        if test:
            cell.source = (f"import _nnb_guard as _nnb_g; _nnb_g.verify(globals(), {nonce!r}); del _nnb_g\n"
                           + source)
        try:
            cell, _ = super().preprocess_cell(cell, resources, index)
        except DeadKernelError:
            self._died(cell, index)
        finally:
            cell.source = source
        self._note_count(cell)
        if index in self._over:
            cell.outputs.append(_error("OutputLimit", f"this cell printed more than {self.limits.output_kb} KB; "
                                                      "the rest was dropped"))
            self.report["limits"].append({"cell": index + 1, "limit": "output"})
        self._limit_errors(cell, index)
        if test:
            self._check_answer(cell, index, nonce)
        else:
            self._done.append((index, copy.deepcopy(cell)))
        if index == self._last and self._restarts <= MAX_RESTARTS:
            self._final_check(index)
        return cell, self.resources

    def _final_check(self, index):
        # What the guard saw after the last test cell's check (during that cell, say).
        nonce = secrets.token_hex(8)
        probe = NotebookNode(cell_type="code", source=f"import _nnb_guard as _nnb_g; "
                             f"_nnb_g.verify(globals(), {nonce!r}); del _nnb_g", metadata={}, outputs=[])
        last = self.nb.cells[index]
        try:
            run_sync(self.async_execute_cell)(probe, index, store_history=False)
        except Exception:  # noqa: BLE001  (a dead kernel here changes no grade)
            return
        finally:
            self.nb.cells[index] = last  # nbclient files the probe in the last cell's place
        answers = [json.loads(o["data"][MIME]) for o in probe.outputs
                   if o.get("output_type") == "display_data" and MIME in o.get("data", {})]
        answer = next((a for a in answers if isinstance(a, dict) and a.get("nonce") == nonce), None)
        if answer is not None:
            self._record(answer, "after the last cell")

    def _note_count(self, cell):
        # The guard names the cells on the stack of a refused action by execution count.
        if cell.get("metadata", {}).get(STUDENT_MARK) and cell.get("execution_count") is not None:
            self._student_counts.add(cell.execution_count)

    def _limit_errors(self, cell, index):
        for out in cell.outputs:
            if out.output_type != "error":
                continue
            text = f"{out.ename}: {out.evalue}"
            limit = ("memory" if out.ename == "MemoryError" else
                     "time" if out.ename in ("CellTimeoutError", "KeyboardInterrupt") else
                     "file size" if "File too large" in text else None)
            if limit:
                self.report["limits"].append({"cell": index + 1, "limit": limit})

    def _check_answer(self, cell, index, nonce):
        answers, kept = [], []
        for out in cell.outputs:
            data = out.get("data", {}) if out.output_type == "display_data" else {}
            if MIME in data:
                try:
                    answers.append(json.loads(data[MIME]))
                except (TypeError, ValueError):
                    pass
            else:
                kept.append(out)
        cell.outputs = kept
        grade_id = cell.metadata.nbgrader.get("grade_id")
        answer = next((a for a in answers if isinstance(a, dict) and a.get("nonce") == nonce), None)
        if answer is None:
            if not any(o.output_type == "error" and o.ename == "KernelDied" for o in cell.outputs):
                cell.outputs.append(_error("IntegrityError", "the grader's check of this cell did not answer: "
                                                             "the notebook interferes with grading"))
            self.report["guard"].append({"cell": grade_id, "problems": ["no answer from the guard"], "refused": []})
            return
        self._record(answer, grade_id)

    def _record(self, answer, where):
        """Refusals the student's code asked for are flags; a library's own start-up
        work (during an import, or with no student cell on the stack) is information."""
        refused = []
        for event in answer.get("refused", []):
            event = event if isinstance(event, dict) else {"what": str(event), "cells": [], "import": False}
            asked = not event.get("import") and any(c in self._student_counts for c in event.get("cells", []))
            if asked:
                if event["what"] not in refused:
                    refused.append(event["what"])
            elif len(self.report["info"]) < 50 and event["what"] not in self.report["info"]:
                self.report["info"].append(event["what"])
        if answer.get("problems") or refused:
            self.report["guard"].append({"cell": where, "problems": answer.get("problems", []),
                                         "refused": refused})

    def _died(self, cell, index):
        process = getattr(getattr(self.km, "provisioner", None), "process", None)
        status = process.poll() if process is not None else None
        reason = {137: "killed (out of memory?)", 152: "CPU time limit", -9: "killed (out of memory?)",
                  -24: "CPU time limit"}.get(status, f"exit status {status}")
        cell.outputs.append(_error("KernelDied", f"the kernel died while running this cell ({reason}); "
                                                 "it was restarted and the cells before re-run"))
        self.report["kernel"].append({"cell": index + 1, "reason": reason})
        self._restarts += 1
        run_sync(self._restart)()

    async def _restart(self):
        await ensure_async(self.km.restart_kernel(now=True))
        await ensure_async(self.kc.stop_channels())
        await self.async_start_new_kernel_client()
        for index, done in self._done:
            replay = copy.deepcopy(done)
            try:
                await self.async_execute_cell(replay, index, store_history=False)
            except DeadKernelError:
                self._restarts = MAX_RESTARTS + 1
                return
            self._note_count(replay)


def flags_of(findings, runtime):
    """Short reasons for a person to review a submission (empty: nothing to review)."""
    flags = [f"{f['severity']}: {f['detail']}" for f in findings if f["severity"] in ("tamper", "review")]
    flags += [f"limit hit: {l['limit']} (cell {l['cell']})" for l in runtime["limits"]]
    flags += [f"kernel died: {k['reason']} (cell {k['cell']})" for k in runtime["kernel"]]
    flags += [f"guard ({g['cell']}): {p}" for g in runtime["guard"] for p in g["problems"] + g["refused"]]
    return flags


def report_path(course_root, lab, student):
    return Course(course_root).reports / lab / "integrity" / f"{student}.json"


def write_report(course_root, lab, student, findings, runtime, **extra):
    """reports/<lab>/integrity/<student>.json: what a person should know about a submission."""
    flags = flags_of(findings, runtime)
    report = {"student": student, "lab": lab, "sandbox": sandbox_level(), "review": bool(flags), "flags": flags,
              "notes": [f"{f['where']}: {f['detail']}" for f in findings if f["severity"] == "note"],
              "info": runtime.get("info", []), "findings": findings, "runtime": runtime, **extra}
    path = report_path(course_root, lab, student)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")
    return report


# The seal, as nbgrader's own preprocessor lists: nbgrader_config.py names them, and
# ``sealed_config`` puts them in if a course's config does not.
SANITIZE = ["nnb_grading.sealed.SealedIntake", "nbgrader.preprocessors.ClearOutput",
            "nbgrader.preprocessors.DeduplicateIds", "nbgrader.preprocessors.OverwriteKernelspec",
            "nbgrader.preprocessors.OverwriteCells", "nbgrader.preprocessors.CheckCellMetadata"]
AUTOGRADE = ["nnb_grading.sealed.SealedExecute", "nbgrader.preprocessors.IgnorePattern",
             "nbconvert.preprocessors.ClearMetadataPreprocessor", "nbgrader.preprocessors.LimitOutput",
             "nbgrader.preprocessors.SaveAutoGrades", "nbgrader.preprocessors.AssignLatePenalties",
             "nbgrader.preprocessors.CheckCellMetadata"]


def _names(preprocessors):
    return [p if isinstance(p, str) else f"{p.__module__}.{p.__name__}" for p in preprocessors]


def is_sealed(config):
    """Does this nbgrader configuration autograde through the seal?"""
    sanitize = _names(config.Autograde.get("sanitize_preprocessors", []))
    autograde = _names(config.Autograde.get("autograde_preprocessors", []))
    return (sanitize[:1] == SANITIZE[:1] and AUTOGRADE[0] in autograde
            and not any(n.endswith(".Execute") and n != AUTOGRADE[0] for n in autograde))


def sealed_config(course_root, staging=None, limits=None):
    """The course's configuration, sealed whatever the config file says.

    ``staging``: grade the submissions there instead of submitted/ (the file-level
    intake's output). ``limits``: override the course's limits (tests, one-off runs).
    """
    config = course_config(course_root)
    if not is_sealed(config):
        config.Autograde.sanitize_preprocessors = list(SANITIZE)
        config.Autograde.autograde_preprocessors = list(AUTOGRADE)
    # A flood of output may still be arriving when the cell's reply comes: go on.
    config.SealedExecute.raise_on_iopub_timeout = False
    if limits is not None:
        config.Execute.timeout = limits.cell_seconds
        for name in ("memory_mb", "cpu_seconds", "total_seconds", "file_mb", "output_kb"):
            setattr(config.SealedExecute, name, getattr(limits, name))
    if staging is not None:
        config.CourseDirectory.submitted_directory = str(staging)
    url = config.CourseDirectory.db_url
    if isinstance(url, str) and url.startswith("sqlite") and "timeout=" not in url:
        # Parallel workers write the same SQLite file: wait for the lock, do not fail.
        config.CourseDirectory.db_url = url + ("&" if "?" in url else "?") + "timeout=120"
    return config


def _find_notebook(folder, lab):
    expected = folder / f"{lab}.ipynb"
    if expected.exists():
        return expected, []
    candidates = sorted(p for p in folder.glob("*.ipynb") if p.is_file()) if folder.is_dir() else []
    if len(candidates) == 1:
        return candidates[0], [integrity.finding("intake", "note", candidates[0].name,
                                                 f"notebook renamed: graded as {expected.name}")]
    detail = "no notebook handed in" if not candidates else f"{len(candidates)} notebooks and none named {expected.name}"
    return None, [integrity.finding("intake", "review", str(folder.name), detail + ": graded as an empty notebook")]


def intake(course_root, lab, student, staging):
    """The file-level intake: stage a readable copy of the submission; return its findings.

    What nbgrader cannot host (it needs a readable notebook at the expected path before
    any of its steps run): a renamed notebook, an older nbformat, an unreadable file
    (graded as the empty release), extra files beside the notebook (left out).
    """
    course = Course(course_root)
    folder = course.submission_folder(student, lab)
    out = Path(staging) / student / lab
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    path, found = _find_notebook(folder, lab)
    nb = None
    if path is not None:
        nb, more = integrity.read_submission(path)
        found += more
    if nb is None:
        # An empty answer: every test fails, the student is still graded.
        nb = nbformat.read(str(course.notebook_path(lab, release=True)), as_version=4)
    elif not found:
        nb = None  # readable as it is: staged as it is (a copy of the file, not a rewrite)
    if folder.is_dir():
        for extra in sorted(folder.iterdir()):
            if extra.name in ("timestamp.txt",) or extra == path or extra.name.startswith("."):
                continue
            found.append(integrity.finding("intake", "review", extra.name,
                                           "extra file beside the notebook: left out of grading"))
        if (folder / "timestamp.txt").exists():
            shutil.copy(folder / "timestamp.txt", out / "timestamp.txt")
    if nb is None:
        shutil.copyfile(path, out / f"{lab}.ipynb")
    else:
        nbformat.write(nb, str(out / f"{lab}.ipynb"))
    return found


def _scores(lab, student, config):
    from nbgrader.api import Gradebook
    with Gradebook(config.CourseDirectory.db_url, config.CourseDirectory.course_id) as gb:
        notebook = gb.find_submission_notebook(lab, lab, student)
        cells = {g.name: (g.score, g.max_score) for g in notebook.grades if g.max_score}
        return notebook.score, notebook.max_score, cells


def grade_submission(course_root, lab, student, limits=None):
    """Grade one submission sealed (file-level intake, then nbgrader autograde); return a summary.

    The summary is the integrity report plus ``ok`` (graded at all), ``error`` (why
    not), ``score``, ``max_score``, ``cells`` ({grade_id: (score, max)}) and ``seconds``.
    """
    from nbgrader.apps import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory

    start = time.time()
    course_root = Path(course_root).resolve()
    staging = course_root / STAGING / "submitted"
    found = intake(course_root, lab, student, staging)
    config = sealed_config(course_root, staging, limits)
    SealedIntake.pending[(lab, student)] = found
    try:
        api = NbGraderAPI(CourseDirectory(config=config), config=config)
        result = api.autograde(lab, student, force=True, create=True)
    finally:
        SealedIntake.pending.pop((lab, student), None)
    path = report_path(course_root, lab, student)
    if path.exists() and path.stat().st_mtime >= start - 1:
        report = json.loads(path.read_text(encoding="utf-8"))
    else:  # nbgrader stopped before running the notebook
        report = write_report(course_root, lab, student, found, {"limits": [], "guard": [], "kernel": [], "info": []})
    extra = {"ok": bool(result.get("success")), "error": None}
    if extra["ok"]:
        extra["score"], extra["max_score"], extra["cells"] = _scores(lab, student, config)
    else:
        extra["error"] = (result.get("error") or result.get("log") or "nbgrader failed").strip().splitlines()[-1]
        extra.update(score=None, max_score=None, cells={})
    extra["seconds"] = round(time.time() - start, 1)
    return write_report(course_root, lab, student, report["findings"], report["runtime"], **extra)


def main(argv=None):
    import argparse
    parser = argparse.ArgumentParser(description="Grade one submission sealed (see nnb_grading/sealed.py).")
    parser.add_argument("lab")
    parser.add_argument("--student", required=True)
    parser.add_argument("--course", default=".")
    args = parser.parse_args(argv)
    summary = grade_submission(args.course, args.lab, args.student)
    print(json.dumps({k: v for k, v in summary.items() if k not in ("findings", "runtime")}, indent=1,
                     ensure_ascii=False))


if __name__ == "__main__":
    main()
