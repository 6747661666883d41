"""Jupyter servers started by the tests: spare ports, and waiting until one answers.

Used by tests/test_student_setup.py, tests/test_browser.py and tests/test_hub.py.
"""

import socket
import time

import requests


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
