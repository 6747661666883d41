"""One lab's page: the student release with the instructor's outputs laid over it.

The page's cells are the release's (stubs, visible tests, no claim cells), so no
solution line and no hidden test can reach the site. Each code cell takes the outputs
of the executed solution cell with the same id, except test cells (their outputs could
quote a hidden test; they print nothing when the check passes) and error tracebacks
(their frames quote the instructor's code). Pictures become ``<img>`` with a text
alternative, and widgets, which need JavaScript from the internet on a static page,
become their first picture.
"""

import base64
import hashlib
import html
import json
import re
from pathlib import Path

import nbformat

from nblib.widgets.base import CSS_PX_PER_INCH, RENDER_DPI
from nnb_grading.course import is_test_cell

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
PICTURES = {"image/png": ".png", "image/jpeg": ".jpg"}
WIDGET_NOTE = "Interactive in the notebook: run the lab to move the controls."
FIGURES = "_static/figures"
WIDGET_SCALE = CSS_PX_PER_INCH / RENDER_DPI  # the widgets' pictures are drawn for HiDPI screens


def load_figure_log(path):
    """sha256 of a PNG -> its description, from ``book.figure_log``'s file (may be absent)."""
    alts = {}
    if path and Path(path).exists():
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            entry = json.loads(line)
            if entry.get("alt"):
                alts[entry["sha256"]] = entry["alt"]
    return alts


def launch_links(lab, settings):
    """(label, url) of every way to open ``lab``'s student notebook, in display order."""
    repo = re.sub(r"^https?://github\.com/", "", settings["repository"]).strip("/")
    ref = settings["colab_ref"]
    path = f"notebooks/{lab}/{lab}.ipynb"
    links = [
        ("Binder", f"https://mybinder.org/v2/gh/{repo}/{ref}?urlpath=lab/tree/{path}"),
        ("Colab", f"https://colab.research.google.com/github/{repo}/blob/{ref}/{path}"),
    ]
    hub = settings.get("jupyterhub_url", "").rstrip("/")
    if hub:
        folder = settings.get("jupyterhub_folder", "").strip("/")
        links.append(("JupyterHub", f"{hub}/hub/user-redirect/lab/tree/{folder + '/' if folder else ''}{path}"))
    return links


def launch_cell(lab, settings):
    items = " ".join(
        f'<a class="nnb-launch" data-launch="{label.lower()}" href="{html.escape(url)}">{label}</a>'
        for label, url in launch_links(lab, settings))
    return nbformat.v4.new_markdown_cell(
        f'<div class="nnb-launch-bar"><strong>Open this lab to work on it:</strong> {items}</div>\n\n'
        "The outputs below are the ones the instructor's solution gives: run the lab and "
        "compare. Test cells print nothing when your answer passes.",
        id="nnb-launch")


def _headings(nb):
    """Cell index -> the nearest markdown heading at or above it."""
    current, out = "", {}
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("#"):
                    current = line.lstrip("#").strip()
        out[i] = current
    return out


def _widget_picture(model_id, state):
    """The PNG bytes a widget view shows first (its first ``Image`` model), or None."""
    seen, todo = set(), [model_id]
    while todo:
        mid = todo.pop(0)
        if mid in seen or mid not in state:
            continue
        seen.add(mid)
        model = state[mid]
        if model.get("model_name") == "ImageModel":
            for buffer in model.get("buffers", []):
                if buffer.get("path") == ["value"]:
                    return base64.b64decode(buffer["data"])
            value = model.get("state", {}).get("value")
            if isinstance(value, str) and value:
                return base64.b64decode(value)
        children = model.get("state", {}).get("children", [])
        todo.extend(c.replace("IPY_MODEL_", "") for c in children if isinstance(c, str))
    return None


def _controls(model_id, state):
    """'description = value' of the widget's controls, for the note under its picture."""
    model = state.get(model_id, {})
    out = []
    for child in model.get("state", {}).get("children", []):
        sub = state.get(str(child).replace("IPY_MODEL_", ""), {}).get("state", {})
        if sub.get("description") and ("value" in sub or "index" in sub):
            labels, index = sub.get("_options_labels") or [], sub.get("index")
            shown = labels[index] if isinstance(index, int) and 0 <= index < len(labels) else sub.get("value")
            out.append(f"{sub['description'].rstrip(':')} = {shown}")
    return out


class PageBuilder:
    """Makes lab pages; writes their pictures into ``source/_static/figures``."""

    def __init__(self, source, settings):
        self.source = Path(source)
        self.settings = settings
        (self.source / FIGURES).mkdir(parents=True, exist_ok=True)
        self.report = {}

    def _picture_html(self, data, alt, note="", scale=1.0):
        digest = hashlib.sha256(data).hexdigest()
        (self.source / FIGURES / f"{digest}.png").write_bytes(data)
        caption = f"<figcaption>{html.escape(note)}</figcaption>" if note else ""
        # A PNG's width is bytes 16-19 of its header; widgets draw at twice the CSS size.
        width = f' width="{round(int.from_bytes(data[16:20], "big") * scale)}"' if data[12:16] == b"IHDR" else ""
        return (f'<figure class="nnb-figure"><img src="{FIGURES}/{digest}.png" alt="{html.escape(alt)}"{width} '
                f'loading="lazy">{caption}</figure>')

    def _outputs(self, outputs, heading, state, alts, counts):
        fallback = f"Figure drawn by the code in the section “{heading}”." if heading else "Figure drawn by the code above."
        kept = []
        for out in outputs:
            if out.output_type == "error":
                # A traceback's frames quote the instructor's code: the error's name only.
                counts["errors"] += 1
                kept.append(nbformat.v4.new_output("stream", name="stderr", text=f"{out.ename}: {out.evalue}\n"))
                continue
            data = out.get("data", {})
            if WIDGET_VIEW in data:
                model_id = data[WIDGET_VIEW]["model_id"]
                picture = _widget_picture(model_id, state)
                if picture is None:
                    counts["widgets without picture"] += 1
                    continue
                controls = _controls(model_id, state)
                alt = alts.get(hashlib.sha256(picture).hexdigest(), fallback)
                note = WIDGET_NOTE + (" First picture with " + ", ".join(controls) + "." if controls else "")
                counts["widgets"] += 1
                kept.append(nbformat.v4.new_output(
                    "display_data", data={"text/html": self._picture_html(picture, "Widget picture. " + alt, note, WIDGET_SCALE)}))
                continue
            mime = next((m for m in PICTURES if m in data), None)
            if mime:
                picture = base64.b64decode(data[mime])
                counts["figures"] += 1
                alt = alts.get(hashlib.sha256(picture).hexdigest())
                counts["figures with described content"] += alt is not None
                kept.append(nbformat.v4.new_output(
                    "display_data", data={"text/html": self._picture_html(picture, alt or fallback)}))
                continue
            kept.append(out)
        return kept

    def page(self, lab, release_nb, executed_nb, alts):
        """The page notebook of ``lab`` (a new notebook; the inputs are not changed)."""
        executed = {c.get("id"): c for c in executed_nb.cells}
        state = executed_nb.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
        counts = dict.fromkeys(["figures", "figures with described content", "widgets",
                                "widgets without picture", "errors", "cells without a run"], 0)
        nb = nbformat.v4.new_notebook(metadata={
            "kernelspec": release_nb.metadata.get("kernelspec", {}),
            "language_info": release_nb.metadata.get("language_info", {})})
        headings = _headings(release_nb)
        for i, cell in enumerate(release_nb.cells):
            cell = nbformat.from_dict(json.loads(json.dumps(cell)))
            if cell.cell_type == "code":
                cell.outputs, cell.execution_count = [], None
                ran = executed.get(cell.get("id"))
                if ran is None:
                    counts["cells without a run"] += 1
                elif not is_test_cell(cell):
                    cell.outputs = self._outputs(ran.get("outputs", []), headings[i], state, alts, counts)
                    cell.execution_count = ran.get("execution_count")
            nb.cells.append(cell)
            if i == 0:
                nb.cells.append(launch_cell(lab, self.settings))
        self.report[lab] = counts
        return nb
