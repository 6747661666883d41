"""What JupyterLab receives when it opens a notebook: the course's Jupyter server side.

Two things a student would otherwise meet on opening a lab, both fixed here by adjusting
the notebook the server hands to JupyterLab (the file on disk is left alone until the
student saves):

- **Marked modified on opening.** When the kernel connects, JupyterLab 4.6 writes the
  kernel's ``language_info`` into the notebook's metadata and marks the notebook changed
  whenever it differs from what was loaded (the Python version included), so closing an
  untouched lab asks whether to save. The committed notebooks cannot carry every
  machine's Python version, so the server fills in what this Python's ipykernel will
  report.
- **"Error displaying widget: model not found".** A saved widget output points at
  objects that lived in a kernel that is gone. When no kernel is running for the
  notebook, such an output is replaced by a line telling the student to run the cell
  again. With a running kernel (the page was only reloaded) the widgets are live and
  are left as they are.

Configured once, in ``jupyter/server/jupyter_server_config.json``, which ``make lab``,
``make instructor``, the JupyterHub set-up and Binder read; ``tests/test_browser.py``
checks both effects in a real browser. Nothing here is imported by the notebooks.
"""

import sys

from jupyter_server.services.contents.largefilemanager import AsyncLargeFileManager

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
STALE_WIDGET_MESSAGE = ("This widget belonged to a kernel that has stopped. "
                        "Run this cell again to get it back.")


def python_language_info():
    """The ``language_info`` ipykernel reports for this interpreter (ipykernel 6-7)."""
    return {
        "name": "python",
        "version": sys.version.split()[0],
        "mimetype": "text/x-python",
        "codemirror_mode": {"name": "ipython", "version": sys.version_info[0]},
        "pygments_lexer": "ipython3",
        "nbconvert_exporter": "python",
        "file_extension": ".py",
    }


def fill_language_info(nb):
    """Give a Python 3 notebook this interpreter's ``language_info`` (in place).

    Only notebooks whose kernel is ``python3`` (the course's kernelspec) and whose
    ``language_info`` is absent or Python's are touched: another kernel reports its own.
    """
    meta = nb.setdefault("metadata", {})
    kernel = meta.get("kernelspec") or {}
    if kernel.get("name") != "python3" or (meta.get("language_info") or {}).get("name", "python") != "python":
        return nb
    meta["language_info"] = python_language_info()
    return nb


def replace_stale_widgets(nb):
    """Replace widget outputs whose model is neither saved in the notebook nor alive (in place).

    Call only when no kernel is running for the notebook. Returns the number replaced.
    """
    saved = ((nb.get("metadata") or {}).get("widgets") or {}).get(WIDGET_STATE) or {}
    saved = set((saved.get("state") or {}))
    replaced = 0
    for cell in nb.get("cells", []):
        for output in cell.get("outputs", []) if cell.get("cell_type") == "code" else []:
            view = (output.get("data") or {}).get(WIDGET_VIEW)
            if view is None or (isinstance(view, dict) and view.get("model_id") in saved):
                continue
            output["data"] = {"text/plain": STALE_WIDGET_MESSAGE}
            replaced += 1
    return replaced


class CourseContentsManager(AsyncLargeFileManager):
    """Jupyter's default contents manager, handing notebooks to JupyterLab open-ready.

    Set by ``jupyter/server/jupyter_server_config.json``
    (``ServerApp.contents_manager_class``).
    """

    async def get(self, path, content=True, type=None, format=None, **kwargs):
        model = await super().get(path, content=content, type=type, format=format, **kwargs)
        if model.get("type") != "notebook" or not isinstance(model.get("content"), dict):
            return model
        fill_language_info(model["content"])
        sessions = getattr(self.parent, "session_manager", None)
        if sessions is None or not await sessions.session_exists(path=model["path"]):
            replace_stale_widgets(model["content"])
        return model
