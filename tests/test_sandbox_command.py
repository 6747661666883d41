"""Unit tests of the sandbox command and the course model's limits and folders.

The command is only built, never run: ``sandbox_level`` is replaced by each level in
turn and ``shutil.which`` finds the tools whether this machine has them or not.
"""

import os
from pathlib import Path

import pytest
from traitlets.config import Config

from nnb_grading import sandbox
from nnb_grading.course import Course, Limits


@pytest.fixture
def paths(tmp_path, monkeypatch):
    """A course folder, the grader's home, a working copy and a connection folder."""
    course, home, work, conn = (tmp_path / name for name in ("course", "home", "work", "conn"))
    for folder in (course, home, work, conn):
        folder.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setattr(sandbox.shutil, "which", lambda name: f"/usr/bin/{name}")
    return {"course": course, "home": home, "work": work, "conn": conn}


def _command(paths, monkeypatch, level, limits=Limits(), euid=1000):
    monkeypatch.setattr(sandbox, "sandbox_level", lambda: level)
    monkeypatch.setattr(sandbox.os, "geteuid", lambda: euid)
    return sandbox.sandbox_command(paths["work"], paths["conn"], paths["course"], limits)


def _pairs(command, flag):
    """Arguments following each occurrence of ``flag`` (one for --tmpfs, two for --bind)."""
    return [command[i + 1] for i, arg in enumerate(command) if arg == flag]


def _prlimit(command):
    start = command.index("/usr/bin/prlimit")
    end = command.index("--", start)
    return command[start + 1:end]


def test_bwrap_hides_course_and_home_and_binds_only_the_working_copy(paths, monkeypatch):
    command = _command(paths, monkeypatch, "bwrap")
    assert command[0] == "/usr/bin/bwrap"
    assert command[command.index("--ro-bind"):command.index("--ro-bind") + 3] == ["--ro-bind", "/", "/"]
    hidden = _pairs(command, "--tmpfs")
    for folder in (paths["course"], paths["home"]):
        assert str(folder.resolve()) in hidden
    assert "/tmp" in hidden and "/dev/shm" in hidden
    writable = _pairs(command, "--bind")
    assert writable == [str(paths["work"]), str(paths["conn"])]
    # A bind before the tmpfs over its parent would be hidden again: order matters.
    assert command.index("--bind") > max(i for i, arg in enumerate(command) if arg == "--tmpfs"
                                         and command[i + 1] != "/dev/shm")
    for flag in ("--unshare-net", "--unshare-pid", "--unshare-ipc", "--die-with-parent", "--new-session"):
        assert flag in command
    assert command[command.index("--chdir") + 1] == str(paths["work"])
    # A normal user needs its own user namespace, and stays itself.
    assert "--unshare-user" in command and "/usr/bin/setpriv" not in command


def test_bwrap_puts_nblib_back_read_only_after_hiding_the_checkout(paths, monkeypatch):
    import nblib

    nblib_dir = str(Path(nblib.__file__).resolve().parent)
    command = _command(paths, monkeypatch, "bwrap")
    read_only = [command[i + 1] for i, arg in enumerate(command) if arg == "--ro-bind"]
    assert nblib_dir in read_only
    checkout = str(Path(nblib_dir).parent)
    assert checkout in _pairs(command, "--tmpfs")
    assert command.index(nblib_dir) > command.index(checkout)
    assert nblib_dir not in _pairs(command, "--bind")


def test_bwrap_as_root_drops_to_nobody(paths, monkeypatch):
    command = _command(paths, monkeypatch, "bwrap", euid=0)
    assert "--unshare-user" not in command
    start = command.index("/usr/bin/setpriv")
    assert command[start:start + 6] == ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                                        "--no-new-privs", "--"]
    assert start < command.index("/usr/bin/prlimit")  # the limits apply to nobody's kernel


def test_bwrap_and_limits_levels_pass_the_limits_to_prlimit(paths, monkeypatch):
    limits = Limits(memory_mb=2048, cpu_seconds=77, file_mb=8, processes=99, open_files=55)
    expected = [f"--as={2048 * 2 ** 20}", "--cpu=77", f"--fsize={8 * 2 ** 20}", "--nproc=99", "--nofile=55"]
    bwrap = _command(paths, monkeypatch, "bwrap", limits)
    assert _prlimit(bwrap) == expected
    assert bwrap[-1] == "--"  # the kernel's own command follows
    assert _command(paths, monkeypatch, "limits", limits) == ["/usr/bin/prlimit", *expected, "--"]


def test_limits_level_without_prlimit_and_none_level_add_nothing(paths, monkeypatch):
    assert _command(paths, monkeypatch, "none") == []
    monkeypatch.setattr(sandbox.shutil, "which", lambda name: None)
    assert _command(paths, monkeypatch, "limits") == []


def test_guard_sets_the_limits_itself_only_without_prlimit(paths, monkeypatch):
    limits = Limits(memory_mb=100)
    monkeypatch.setattr(sandbox, "sandbox_level", lambda: "limits")
    assert sandbox.guard_limit_args(limits) == []          # prlimit is there
    monkeypatch.setattr(sandbox.shutil, "which", lambda name: None)
    args = sandbox.guard_limit_args(limits)
    assert args[:2] == ["--rlimit", f"RLIMIT_AS={100 << 20}"]
    assert f"RLIMIT_CPU={limits.cpu_seconds}" in args


def test_sandbox_level_can_be_asked_for_less(monkeypatch):
    level = sandbox.sandbox_level
    monkeypatch.setenv("NNB_SANDBOX", "none")
    level.cache_clear()
    try:
        assert level() == "none"
        monkeypatch.setenv("NNB_SANDBOX", "limits")
        assert level() == "none"  # cached for the process
        level.cache_clear()
        assert level() == "limits"
    finally:
        level.cache_clear()


# ---------------------------------------------------------------- limits and folders

def test_limits_from_config_reads_sealed_execute_and_nbgrader_timeout():
    c = Config()
    c.SealedExecute.memory_mb = 2048
    c.SealedExecute.output_kb = 16
    c.Execute.timeout = 45
    limits = Limits.from_config(c)
    assert (limits.memory_mb, limits.output_kb, limits.cell_seconds) == (2048, 16, 45)
    assert limits.cpu_seconds == Limits.cpu_seconds and limits.processes == Limits.processes
    assert Limits.from_config(Config()) == Limits()


def test_limits_that_are_not_configurable_are_ignored():
    c = Config()
    c.SealedExecute.processes = 1
    assert Limits.from_config(c).processes == Limits().processes


CONFIG = '''\
c = get_config()
c.CourseDirectory.source_directory = "instructor"
c.CourseDirectory.release_directory = "handout"
c.CourseDirectory.submitted_directory = "inbox"
c.CourseDirectory.autograded_directory = "marked"
c.SealedExecute.memory_mb = 1000
c.Execute.timeout = 33
c.IgnorePattern.enabled = True
c.IgnorePattern.pattern = "Warn"
'''


def _course(tmp_path):
    root = tmp_path / "course"
    root.mkdir()
    (root / "nbgrader_config.py").write_text(CONFIG)
    for lab in ("02-second", "01-first", "notes", "1-short"):
        (root / "instructor" / lab).mkdir(parents=True)
    (root / "instructor" / "03-file").write_text("not a folder")
    for student, lab in (("zoe", "01-first"), ("adam", "01-first"), ("adam", "02-second")):
        (root / "inbox" / student / lab).mkdir(parents=True)
    return root


def test_course_folders_follow_the_courses_config(tmp_path):
    root = _course(tmp_path)
    course = Course(root)
    assert course.source == root / "instructor" and course.release == root / "handout"
    assert course.submitted == root / "inbox" and course.autograded == root / "marked"
    assert course.notebook_path("01-first") == root / "instructor" / "01-first" / "01-first.ipynb"
    assert course.notebook_path("01-first", release=True) == root / "handout" / "01-first" / "01-first.ipynb"
    assert course.submission_folder("zoe", "01-first") == root / "inbox" / "zoe" / "01-first"
    assert course.limits == Limits(memory_mb=1000, cell_seconds=33)
    assert course.ignore_pattern == "Warn"


def test_course_labs_and_students(tmp_path):
    course = Course(_course(tmp_path))
    assert course.labs == ["01-first", "02-second"]
    assert course.students("01-first") == ["adam", "zoe"]
    assert course.students("02-second") == ["adam"]
    assert course.students("03-none") == []


def test_a_course_without_config_or_folders(tmp_path):
    course = Course(tmp_path)
    assert course.source == tmp_path.resolve() / "source"   # nbgrader's default names
    assert course.labs == [] and course.students("01-first") == []
    assert course.limits == Limits() and course.ignore_pattern == ""


def test_the_course_root_is_where_the_config_is_not_the_working_folder(tmp_path, monkeypatch):
    root = _course(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert Course(os.path.relpath(root)).source == root.resolve() / "instructor"
