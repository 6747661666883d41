"""nnb_server.contents: the notebook JupyterLab receives (the browser effect: tests/test_browser.py)."""

import asyncio
import copy

import nbformat
import pytest
from ipykernel.ipkernel import IPythonKernel
from traitlets.config import Configurable

from nnb_server.contents import (STALE_WIDGET_MESSAGE, WIDGET_STATE, WIDGET_VIEW, CourseContentsManager,
                            fill_language_info, python_language_info, replace_stale_widgets)
from tests.harness.course import LABS, notebook_path, read


def test_language_info_is_what_this_pythons_kernel_reports():
    # JupyterLab marks the notebook modified on any difference, so it must be exact.
    assert python_language_info() == IPythonKernel.language_info


@pytest.mark.parametrize("lab", LABS)
def test_every_lab_gets_the_kernels_language_info(lab):
    for release in (False, True):
        nb = read(notebook_path(lab, release))
        assert fill_language_info(nb).metadata.language_info == IPythonKernel.language_info


def test_other_kernels_are_left_alone():
    r = {"kernelspec": {"name": "ir", "language": "R"}, "language_info": {"name": "R", "version": "4.4"}}
    nb = {"metadata": copy.deepcopy(r)}
    assert fill_language_info(nb)["metadata"] == r
    nb = {"metadata": {"kernelspec": {"name": "python3"}, "language_info": {"name": "julia"}}}
    assert fill_language_info(nb)["metadata"]["language_info"] == {"name": "julia"}


def _widget_output(model_id):
    return nbformat.v4.new_output("display_data", data={
        "text/plain": "PictureWidget(w)", WIDGET_VIEW: {"version_major": 2, "version_minor": 0, "model_id": model_id}})


def _notebook(saved_state=()):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
    nb.cells = [nbformat.v4.new_markdown_cell("# A lab"),
                nbformat.v4.new_code_cell("explorer", outputs=[_widget_output("dead"), _widget_output("kept")]),
                nbformat.v4.new_code_cell("print(1)", outputs=[nbformat.v4.new_output("stream", text="1\n")])]
    if saved_state:
        nb.metadata["widgets"] = {WIDGET_STATE: {"state": {m: {} for m in saved_state}}}
    return nb


def test_stale_widgets_are_replaced_and_saved_ones_kept():
    nb = _notebook(saved_state=["kept"])
    assert replace_stale_widgets(nb) == 1
    first, second = nb.cells[1].outputs
    assert first["data"] == {"text/plain": STALE_WIDGET_MESSAGE}
    assert second["data"][WIDGET_VIEW]["model_id"] == "kept"
    assert nb.cells[2].outputs[0]["text"] == "1\n"
    assert replace_stale_widgets(_notebook()) == 2


class _Sessions:
    def __init__(self, paths):
        self.paths = paths

    async def session_exists(self, path):
        return path in self.paths


class _Server(Configurable):
    """The contents manager's parent, as the Jupyter server (only its session manager)."""

    def __init__(self, paths):
        super().__init__()
        self.session_manager = _Sessions(paths)


@pytest.mark.parametrize("running", [False, True])
def test_the_contents_manager_fills_and_replaces_only_without_a_kernel(tmp_path, running):
    nbformat.write(_notebook(), str(tmp_path / "lab.ipynb"))
    on_disk = (tmp_path / "lab.ipynb").read_text()
    manager = CourseContentsManager(root_dir=str(tmp_path))
    manager.parent = _Server({"lab.ipynb"} if running else set())
    model = asyncio.run(manager.get("lab.ipynb"))
    content = model["content"]
    assert content["metadata"]["language_info"] == IPythonKernel.language_info
    views = [WIDGET_VIEW in o["data"] for o in content["cells"][1]["outputs"]]
    assert views == ([True, True] if running else [False, False])
    assert (tmp_path / "lab.ipynb").read_text() == on_disk  # the file is not rewritten
    # Listings and files other than notebooks pass through.
    (tmp_path / "notes.txt").write_text("x")
    assert asyncio.run(manager.get("notes.txt"))["content"] == "x"
    assert asyncio.run(manager.get("lab.ipynb", content=False))["content"] is None
    assert {m["name"] for m in asyncio.run(manager.get(""))["content"]} == {"lab.ipynb", "notes.txt"}
