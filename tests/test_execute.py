"""Every solutions notebook runs top to bottom in a fresh kernel, offline, cleanly,
and a second run prints exactly the same text."""

import re

import nbclient
import pytest
from nbtools import LABS, course_env, notebook_path, read

pytestmark = pytest.mark.slow

_ADDRESS = re.compile(r"0x[0-9a-fA-F]+")


def _execute(lab, home):
    nb = read(notebook_path(lab))
    client = nbclient.NotebookClient(
        nb, timeout=300, kernel_name="python3", store_widget_state=True,
        resources={"metadata": {"path": str(notebook_path(lab).parent)}})
    client.execute(env=course_env(home))
    return nb


def _text_outputs(nb):
    """What a reader sees as text, cell by cell (figures and widgets by their text form).

    Consecutive stream chunks of a cell are joined: how the kernel splits stdout into
    chunks depends on flush timing, not on what the notebook computed.
    """
    seen = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        for out in cell.outputs:
            if out.output_type == "stream":
                text = out.text
                if seen and seen[-1][:3] == (i, "stream", out.name):
                    seen[-1] = (i, "stream", out.name, seen[-1][3] + _ADDRESS.sub("0x?", text))
                    continue
            elif out.output_type == "error":
                text = f"{out.ename}: {out.evalue}"
            else:
                text = out.get("data", {}).get("text/plain", "")
            seen.append((i, out.output_type, out.get("name", ""), _ADDRESS.sub("0x?", str(text))))
    return seen


@pytest.mark.parametrize("lab", LABS)
def test_runs_cleanly_and_reproducibly(lab, tmp_path):
    first = _text_outputs(_execute(lab, tmp_path / "run1"))
    problems = [(i, kind, text[:300]) for i, kind, name, text in first
                if kind == "error" or name == "stderr"]
    assert not problems, f"errors or stderr output (warnings) in cells: {problems}"
    second = _text_outputs(_execute(lab, tmp_path / "run2"))
    diffs = [(a, b) for a, b in zip(first, second) if a != b]
    assert len(first) == len(second) and not diffs, f"a second run printed something else: {diffs[:3]}"
