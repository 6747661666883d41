"""Sealed grading: one submission, graded by nbgrader with its kernel in a sandbox.

``grade_submission(course, lab, student)`` is the unit of grading that
``tools.grade`` runs for a whole class, serially or in parallel:

1. **Intake** (outside any kernel): find the notebook even if renamed, read it even if
   it is an older nbformat, grade an unreadable one as empty, drop invented graded
   cells, leave extra files (a ``numpy.py``, say) out of the grading folder, and scan
   the student's code (``tools.integrity``). The cleaned notebook goes to a staging
   folder; the student's own files are never changed.
2. **nbgrader autograde** of that staged copy, with ``SealedExecute`` in place of
   nbgrader's ``Execute``: the kernel starts in the sandbox of ``tools.sandbox`` through
   ``tools/kernel_guard.py``; every graded test cell starts with the guard's check and
   must answer it; a cell over a limit (time, memory, output, file size) fails with the
   reason in its output; a kernel that dies is restarted, the cells before re-run, and
   grading goes on. nbgrader's own steps (restoring test cells, removing duplicates,
   scores in the gradebook, feedback) are unchanged.
3. **Integrity report** ``reports/<lab>/integrity/<student>.json`` beside the grades:
   every finding, each limit hit and whether a person should review the submission.

Used by ``tools.grade`` (class grading) and ``tests/test_sealed.py`` (the hostile suite).
"""

import copy
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
from nbgrader.preprocessors import Execute
from traitlets.config import Config
from traitlets.config.loader import PyFileConfigLoader

from tools import integrity
from tools.kernel_guard import MIME
from tools.sandbox import Limits, SealedKernelManager, sandbox_level

STAGING = ".sealed"
MAX_RESTARTS = 3


def _error(ename, evalue):
    return NotebookNode(output_type="error", ename=ename, evalue=evalue, traceback=[f"{ename}: {evalue}"])


def _is_test(cell):
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return cell.cell_type == "code" and meta.get("grade") and not meta.get("solution")


class SealedExecute(Execute):
    """nbgrader's Execute with the kernel sealed (see the module docstring).

    Per-submission settings are class attributes set by ``grade_submission`` before it
    calls nbgrader: nbgrader makes its own instance of this class.
    """

    limits = Limits()
    course_root = None
    tamper = []           # integrity findings of severity "tamper" for this submission
    report = None         # filled in while the notebook runs: limits hit, guard answers

    def __init__(self, *args, **kwargs):
        kwargs["kernel_manager_class"] = SealedKernelManager  # nbgrader's Execute sets its own
        super().__init__(*args, **kwargs)

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
        type(self).report = {"limits": [], "guard": [], "kernel": []}
        return super().preprocess(nb, resources, km)

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
        test = _is_test(cell)
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
        if index in self._over:
            cell.outputs.append(_error("OutputLimit", f"this cell printed more than {self.limits.output_kb} KB; "
                                                      "the rest was dropped"))
            self.report["limits"].append({"cell": index + 1, "limit": "output"})
        self._limit_errors(cell, index)
        if test:
            self._check_answer(cell, index, nonce)
        else:
            self._done.append((index, copy.deepcopy(cell)))
        return cell, self.resources

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
        elif answer.get("problems") or answer.get("refused"):
            self.report["guard"].append({"cell": grade_id, "problems": answer.get("problems", []),
                                         "refused": answer.get("refused", [])})
        if self.tamper:
            cell.outputs.append(_error("IntegrityError", "this submission reaches into the grader (see the "
                                                         "integrity report); an instructor must review it"))

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


def course_config(course_root):
    """The course's nbgrader_config.py, as nbgrader's own commands read it."""
    config = Config()
    path = Path(course_root) / "nbgrader_config.py"
    if path.exists():
        config.merge(PyFileConfigLoader(path.name, path=str(path.parent)).load_config())
    config.CourseDirectory.root = str(Path(course_root).resolve())
    return config


def sealed_config(course_root, staging, limits=Limits()):
    config = course_config(course_root)
    config.SealedExecute.timeout = limits.cell_seconds
    # A flood of output may still be arriving when the cell's reply comes: go on.
    config.SealedExecute.raise_on_iopub_timeout = False
    config.CourseDirectory.submitted_directory = str(staging)
    url = config.CourseDirectory.db_url
    if isinstance(url, str) and url.startswith("sqlite") and "timeout=" not in url:
        # Parallel workers write the same SQLite file: wait for the lock, do not fail.
        config.CourseDirectory.db_url = url + ("&" if "?" in url else "?") + "timeout=120"
    config.Autograde.autograde_preprocessors = [
        SealedExecute if p is Execute else p for p in _default_autograde_preprocessors()]
    return config


def _default_autograde_preprocessors():
    from nbgrader.converters.autograde import Autograde
    return list(Autograde.class_traits()["autograde_preprocessors"].default())


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
    """Stage a clean copy of the submission; return the intake and code findings."""
    course_root = Path(course_root)
    release_nb = nbformat.read(str(course_root / "notebooks" / lab / f"{lab}.ipynb"), as_version=4)
    folder = course_root / "submitted" / student / lab
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
        nb = copy.deepcopy(release_nb)  # an empty answer: every test fails, the student is still graded
    found += integrity.intake_findings(nb, release_nb)
    found += integrity.scan_notebook(nb, release_nb)
    integrity.strip_unknown_graded_cells(nb, release_nb)
    integrity.drop_duplicate_ids(nb)
    if folder.is_dir():
        for extra in sorted(folder.iterdir()):
            if extra.name in ("timestamp.txt",) or extra == path or extra.name.startswith("."):
                continue
            found.append(integrity.finding("intake", "review", extra.name,
                                           "extra file beside the notebook: left out of grading"))
        if (folder / "timestamp.txt").exists():
            shutil.copy(folder / "timestamp.txt", out / "timestamp.txt")
    nbformat.write(nb, str(out / f"{lab}.ipynb"))
    return found


def _scores(course_root, lab, student, config):
    from nbgrader.api import Gradebook
    with Gradebook(config.CourseDirectory.db_url, config.CourseDirectory.course_id) as gb:
        notebook = gb.find_submission_notebook(lab, lab, student)
        cells = {g.name: (g.score, g.max_score) for g in notebook.grades if g.max_score}
        return notebook.score, notebook.max_score, cells


def grade_submission(course_root, lab, student, limits=Limits()):
    """Grade one submission sealed; write its integrity report; return a summary dict.

    The summary: ``student``, ``ok`` (graded at all), ``error`` (why not), ``score``,
    ``max_score``, ``cells`` ({grade_id: (score, max)}), ``review`` (a person should
    look), ``flags`` (short reasons), ``seconds``, ``sandbox`` (what was enforced).
    """
    from nbgrader.apps import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory

    start = time.monotonic()
    course_root = Path(course_root).resolve()
    staging = course_root / STAGING / "submitted"
    found = intake(course_root, lab, student, staging)
    tamper = [f for f in found if f["severity"] == "tamper"]
    SealedExecute.limits, SealedExecute.course_root, SealedExecute.tamper = limits, str(course_root), tamper
    SealedExecute.report = None
    config = sealed_config(course_root, staging, limits)
    api = NbGraderAPI(CourseDirectory(config=config), config=config)
    result = api.autograde(lab, student, force=True, create=True)
    runtime = SealedExecute.report or {"limits": [], "guard": [], "kernel": []}
    summary = {"student": student, "lab": lab, "ok": bool(result.get("success")), "error": None,
               "sandbox": sandbox_level(), "findings": found, "runtime": runtime}
    if summary["ok"]:
        summary["score"], summary["max_score"], summary["cells"] = _scores(course_root, lab, student, config)
    else:
        summary["error"] = (result.get("error") or result.get("log") or "nbgrader failed").strip().splitlines()[-1]
        summary.update(score=None, max_score=None, cells={})
    summary["notes"] = [f"{f['where']}: {f['detail']}" for f in found if f["severity"] == "note"]
    flags = [f"{f['severity']}: {f['detail']}" for f in found if f["severity"] in ("tamper", "review")]
    flags += [f"limit hit: {l['limit']} (cell {l['cell']})" for l in runtime["limits"]]
    flags += [f"kernel died: {k['reason']} (cell {k['cell']})" for k in runtime["kernel"]]
    flags += [f"guard ({g['cell']}): {p}" for g in runtime["guard"] for p in g["problems"] + g["refused"]]
    summary["flags"] = flags
    summary["review"] = bool(flags)
    summary["seconds"] = round(time.monotonic() - start, 1)
    report_dir = course_root / "reports" / lab / "integrity"
    report_dir.mkdir(parents=True, exist_ok=True)
    (report_dir / f"{student}.json").write_text(json.dumps(summary, indent=1, ensure_ascii=False), encoding="utf-8")
    return summary


def main(argv=None):
    import argparse
    parser = argparse.ArgumentParser(description="Grade one submission sealed (see tools/sealed.py).")
    parser.add_argument("lab")
    parser.add_argument("--student", required=True)
    parser.add_argument("--course", default=".")
    args = parser.parse_args(argv)
    summary = grade_submission(args.course, args.lab, args.student)
    print(json.dumps({k: v for k, v in summary.items() if k not in ("findings", "runtime")}, indent=1,
                     ensure_ascii=False))


if __name__ == "__main__":
    main()
