"""Servers started by the tests: Jupyter with the Makefile's command, spare ports,
waiting until a server answers, stopping it, and a throw-away PostgreSQL server.

Used by tests/test_student_setup.py, tests/test_browser.py, tests/test_hub.py,
tests/test_sealed_doors.py, tests/test_scale_out.py and benchmarks/load.py.
"""

import contextlib
import glob
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import requests

from tests.harness.course import REPO


def make_lab_command(target, lab_args, root_dir=None):
    """The shell command `make <target>` (lab or instructor) runs, read with `make -n`.

    `lab_args` is appended as the Makefile's LAB_ARGS; `root_dir` replaces the
    Makefile's root folder (the course checkout). The venv is taken as installed.
    """
    out = subprocess.run(["make", "-n", "-o", ".venv/.installed-student", "-o", ".venv/.installed-instructor", target, f"LAB_ARGS={lab_args}"],
                         cwd=REPO, capture_output=True, text=True, check=True).stdout
    (line,) = [l for l in out.splitlines() if " lab " in l and "jupyter" in l]
    if root_dir is not None:
        line, n = re.subn(r'--ServerApp\.root_dir="[^"]*"', f'--ServerApp.root_dir="{root_dir}"', line)
        assert n == 1, line
    return line


def free_ports(n=1):
    """`n` distinct TCP ports on 127.0.0.1 that were free a moment ago."""
    socks = [socket.socket() for _ in range(n)]
    try:
        for s in socks:
            s.bind(("127.0.0.1", 0))
        return [s.getsockname()[1] for s in socks]
    finally:
        for s in socks:
            s.close()


def wait_until_up(proc, url, token, timeout=60, log=None):
    """Wait until the Jupyter server `proc` answers at `url`/api/status.

    Raises AssertionError with the end of its output (`log`, a path, or its stderr
    pipe) if it exits or does not answer within `timeout` seconds.
    """
    def output():
        if log is not None:
            return log.read_text()[-3000:]
        return proc.stderr.read().decode()[-3000:] if proc.stderr else ""

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"the Jupyter server exited ({proc.returncode}):\n{output()}")
        try:
            if requests.get(f"{url}/api/status", params={"token": token}, timeout=2).ok:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"the Jupyter server did not answer at {url} within {timeout} s")


def stop(proc, timeout=20):
    """Stop a server started with start_new_session=True, and all it started."""
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def postgres_bin():
    """The folder of PostgreSQL's server programs (initdb, pg_ctl), or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb")) + [shutil.which("initdb") or ""]
    return Path(found[0]).parent if found[0] else None


def _as_postgres(cmd):
    # PostgreSQL refuses to run as root; Debian's package makes a `postgres` user.
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd


@contextlib.contextmanager
def postgres_server(database="gradebook"):
    """A throw-away PostgreSQL cluster on a free port of 127.0.0.1, with one empty
    database; yields its SQLAlchemy URL and removes everything afterwards."""
    bin_dir = postgres_bin()
    folder = Path(tempfile.mkdtemp(prefix="nnb-pg-"))
    folder.chmod(0o755)
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    data, (port,) = folder / "data", free_ports(1)
    subprocess.run(_as_postgres([str(bin_dir / "initdb"), "-D", str(data), "-U", "nnb", "--auth=trust",
                                 "-E", "UTF8"]), check=True, capture_output=True)
    subprocess.run(_as_postgres([str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(folder / "log"), "-w",
                                 "-o", f"-p {port} -k {folder} -c listen_addresses=127.0.0.1", "start"]),
                   check=True, capture_output=True)
    try:
        subprocess.run(_as_postgres([str(bin_dir / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "nnb",
                                     database]), check=True, capture_output=True)
        yield f"postgresql://nnb@127.0.0.1:{port}/{database}"
    finally:
        subprocess.run(_as_postgres([str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
                       capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)
