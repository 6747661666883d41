"""The sandbox a submission's kernel runs in while it is graded.

What it enforces depends on the platform (``sandbox_level`` says which applies):

``"bwrap"`` (Linux with bubblewrap, as root or with unprivileged user namespaces)
    The kernel sees the file system read-only, with the course folder, the grader's
    home and ``/tmp`` replaced by empty folders; only the Python installation, the
    environment, ``nblib`` and ``data/`` are put back (read-only). It can write only to
    its own working copy and a private ``/tmp``. It has no network (own network
    namespace: the kernel talks to the grader over Unix sockets), sees no other process
    (own PID namespace) and, as root, runs as the unprivileged user ``nobody``.
    Resource limits below apply too.
``"limits"`` (Linux or macOS without bubblewrap)
    Only the resource limits and the in-kernel guard; the kernel can read what the
    grader's user can read.
``"none"`` (Windows)
    The in-kernel guard only.

Used by ``nnb_grading.sealed`` (the sealed grading unit).
"""

import os
import shutil
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

from jupyter_client.manager import AsyncKernelManager

from nnb_grading.course import Limits

GUARD = Path(__file__).resolve().parent / "kernel_guard.py"
NOBODY = 65534


@lru_cache(maxsize=None)
def sandbox_level():
    """``"bwrap"``, ``"limits"`` or ``"none"``: what this machine can enforce (see module doc).

    ``NNB_SANDBOX=limits`` (or ``none``) asks for less, e.g. to see what a machine
    without bubblewrap does.
    """
    forced = os.environ.get("NNB_SANDBOX")
    if forced in ("limits", "none"):
        return forced
    if sys.platform == "win32":
        return "none"
    bwrap = shutil.which("bwrap")
    if bwrap:
        probe = [bwrap, *_user_args(), "--ro-bind", "/", "/", "--unshare-net", "--unshare-pid",
                 "--proc", "/proc", "--dev", "/dev", "true"]
        if subprocess.run(probe, capture_output=True).returncode == 0:
            return "bwrap"
    return "limits"


def _user_args():
    # As root bubblewrap makes namespaces itself and setpriv drops to nobody; a normal
    # user needs a user namespace, in which it stays itself.
    return [] if os.geteuid() == 0 else ["--unshare-user"]


def _readonly_paths():
    """What the kernel needs to read: the interpreter, the environment, nblib, data."""
    paths = {Path(sys.base_prefix).resolve(), Path(sys.prefix).resolve(),
             Path(os.path.realpath(sys.executable)).parent.parent,
             _nblib_dir(), _nblib_dir().parent / "data", GUARD}
    return sorted(str(p) for p in paths if p.exists())


def _nblib_dir():
    import nblib
    return Path(nblib.__file__).resolve().parent


def _hidden_paths(course_root):
    # The checkout nblib is installed from (editable) holds solutions/ too: hidden like
    # the course folder, with only nblib and data/ put back.
    home = Path(os.path.expanduser("~")).resolve()
    return sorted({str(Path(course_root).resolve()), str(_nblib_dir().parent), str(home), "/root", "/home", "/tmp", "/var/tmp",
                   "/srv", "/mnt", "/media", "/opt"} - {"/"})


def sandbox_command(workdir, conn_dir, course_root, limits):
    """The command that runs a kernel command inside the sandbox (a prefix for its argv)."""
    level = sandbox_level()
    prefix = []
    if level == "bwrap":
        prefix = [shutil.which("bwrap"), *_user_args(), "--ro-bind", "/", "/"]
        for hidden in _hidden_paths(course_root):
            if os.path.isdir(hidden):
                prefix += ["--perms", "1777" if hidden in ("/tmp", "/var/tmp") else "0755", "--tmpfs", hidden]
        hidden = _hidden_paths(course_root)
        for path in _readonly_paths():
            # bubblewrap makes missing parent folders private to root: nobody could
            # not reach the interpreter under a hidden /root.
            for parent in reversed(Path(path).parents):
                if any(str(parent).startswith(h + os.sep) for h in hidden):
                    prefix += ["--perms", "0755", "--dir", str(parent)]
            prefix += ["--ro-bind", path, path]
        prefix += ["--bind", str(workdir), str(workdir), "--bind", str(conn_dir), str(conn_dir),
                   "--dev", "/dev", "--proc", "/proc",
                   # A private /dev/shm that nobody can write: POSIX semaphores (joblib,
                   # multiprocessing) work as outside, and nothing is shared.
                   "--perms", "1777", "--tmpfs", "/dev/shm",
                   "--unshare-net", "--unshare-pid", "--unshare-ipc", "--unshare-uts",
                   "--die-with-parent", "--new-session", "--chdir", str(workdir),
                   "--setenv", "HOME", "/tmp", "--setenv", "JPY_PARENT_PID", "0"]
        if os.geteuid() == 0:
            prefix += [shutil.which("setpriv") or "setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}",
                       "--clear-groups", "--no-new-privs", "--"]
    if level in ("bwrap", "limits") and shutil.which("prlimit"):
        prefix += [shutil.which("prlimit"), *limits.prlimit_args(), "--"]
    return prefix


def guard_limit_args(limits):
    """Without prlimit (macOS), the guard sets the limits itself through ``resource``."""
    if sandbox_level() != "limits" or shutil.which("prlimit"):
        return []
    return ["--rlimit", f"RLIMIT_AS={limits.memory_mb << 20}", "--rlimit", f"RLIMIT_CPU={limits.cpu_seconds}",
            "--rlimit", f"RLIMIT_FSIZE={limits.file_mb << 20}", "--rlimit", f"RLIMIT_NOFILE={limits.open_files}"]


class SealedKernelManager(AsyncKernelManager):
    """Starts the kernel inside the sandbox, through ``nnb_grading/kernel_guard.py``.

    ``workdir``, ``course_root`` and ``limits`` are set by the grader before start.
    With its own network namespace the kernel cannot reach the grader over TCP, so it
    talks over Unix sockets (ZeroMQ's ``ipc`` transport) in a private folder.
    """

    workdir = None
    course_root = None
    limits = Limits()

    def format_kernel_cmd(self, extra_arguments=None):
        cmd = super().format_kernel_cmd(extra_arguments)
        conn_dir = os.path.dirname(self.connection_file)
        # Matplotlib would rebuild its font list (seconds) in an empty home: lend it ours.
        mpl = os.path.join(conn_dir, "matplotlib")
        os.makedirs(mpl, exist_ok=True)
        try:
            import matplotlib
            for cached in Path(matplotlib.get_cachedir()).glob("fontlist-*.json"):
                shutil.copy(cached, mpl)
        except Exception:
            pass  # only slower
        self._sandbox_env = {"MPLCONFIGDIR": mpl, "HOME": "/tmp", "KERAS_HOME": "/tmp/keras"}
        if sandbox_level() == "bwrap" and os.geteuid() == 0:
            # The kernel runs as nobody: it must read the connection file and make its
            # sockets and files in these two folders (and nowhere else).
            for root, dirs, files in os.walk(conn_dir):
                for name in [root, *(os.path.join(root, f) for f in files)]:
                    os.chown(name, NOBODY, NOBODY)
            for root, dirs, files in os.walk(self.workdir):
                for name in [root, *(os.path.join(root, f) for f in files)]:
                    os.chown(name, NOBODY, NOBODY)
        # A signal to bubblewrap would not reach the kernel inside: ask the kernel.
        self.kernel_spec.interrupt_mode = "message"
        # ipykernel_launcher -> the guard, which then starts ipykernel itself.
        python, rest = cmd[0], cmd[1:]
        if rest[:2] == ["-m", "ipykernel_launcher"]:
            rest = rest[2:]
        kernel = [python, "-P", str(GUARD), "--allowed", str(self.workdir), "--allowed", conn_dir,
                  *guard_limit_args(self.limits), *rest,
                  "--IPKernelApp.log_level=CRITICAL"]
        private_tmp = os.path.join(conn_dir, "tmp")
        os.makedirs(private_tmp, exist_ok=True)
        if sandbox_level() == "bwrap":
            # /tmp inside is a private, empty tmpfs.
            kernel[3:3] = ["--allowed", "/tmp"]
            env = [arg for key, value in self._sandbox_env.items() for arg in ("--setenv", key, value)]
            command = sandbox_command(self.workdir, conn_dir, self.course_root, self.limits)
            command = command[:1] + env + command[1:]
        else:
            # The real /tmp is shared with everyone: give the kernel its own.
            values = {**self._sandbox_env, "HOME": private_tmp, "TMPDIR": private_tmp,
                      "KERAS_HOME": os.path.join(private_tmp, "keras")}
            env = [shutil.which("env") or "env", *(f"{k}={v}" for k, v in values.items())] \
                if sys.platform != "win32" else []
            command = sandbox_command(self.workdir, conn_dir, self.course_root, self.limits) + env
        return command + kernel

