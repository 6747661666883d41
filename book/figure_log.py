"""What each figure shows, written down while a lab runs (for the site's alt texts).

Installed in the kernel that executes a lab for the website (``book.build`` runs
``install(path)`` in a cell of its own before the lab's first cell). Every PNG that
matplotlib writes into memory, an inline plot as much as a widget's picture, goes
through ``FigureCanvasBase.print_figure``: the wrapper appends one JSON line
``{"sha256": <hash of the PNG bytes>, "alt": <description>}`` to ``path``, so the
builder can find the description of any picture in the executed notebook by its bytes.
"""

import hashlib
import json
import re

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
MAX_PANELS = 6
MAX_LABELS = 12


def _clean(text):
    """A label as a screen reader should say it: no TeX dollars or backslashes."""
    text = re.sub(r"\\(mathrm|mathbf|text)\{([^}]*)\}", r"\2", text or "")
    return " ".join(text.replace("$", "").replace("\\", "").split())


def _kind(ax):
    """What sort of picture one Axes holds, in a few words."""
    if ax.images:
        return "image"
    if not ax.axison:
        return "diagram"
    kinds = []
    if ax.lines:
        kinds.append("line plot")
    if ax.collections:
        kinds.append("scatter plot" if any(type(c).__name__ == "PathCollection" for c in ax.collections)
                     else "filled regions")
    if len(ax.patches) > 2:
        kinds.append("bar chart")
    return " with ".join(kinds[:2]) or "plot"


def describe_axes(ax):
    """One panel: its title, kind, axis labels and legend entries."""
    words = [_clean(ax.get_title()) or _clean(ax.get_title("left")), _kind(ax)]
    text = ": ".join(w for w in words if w)
    xlabel, ylabel = _clean(ax.get_xlabel()), _clean(ax.get_ylabel())
    if ax.axison and (xlabel or ylabel):
        text += f" of {ylabel or 'values'} against {xlabel or 'position'}"
    if not ax.axison and not ax.images:
        # A drawing (a network, a cell's gates): its own labels say what it shows.
        labels = list(dict.fromkeys(t for t in (_clean(t.get_text()) for t in ax.texts) if t))
        if labels:
            text += " labelled " + ", ".join(labels[:MAX_LABELS]) + (", ..." if len(labels) > MAX_LABELS else "")
    legend = ax.get_legend()
    if legend is not None:
        entries = [_clean(t.get_text()) for t in legend.get_texts()]
        if any(entries):
            text += "; legend: " + ", ".join(e for e in entries if e)
    return text


def describe(figure):
    """A text alternative for a matplotlib figure, from its titles, labels and legends."""
    panels = [ax for ax in figure.axes
              if ax.get_visible() and ax.get_label() != "<colorbar>"
              and (ax.axison or ax.images or ax.lines or ax.patches or ax.collections or ax.texts)]
    suptitle = _clean(figure._suptitle.get_text()) if getattr(figure, "_suptitle", None) else ""
    head = f"Figure: {suptitle}" if suptitle else "Figure"
    if not panels:
        return head + "."
    if len(panels) == 1:
        return f"{head}. {describe_axes(panels[0])}."
    shown = "; ".join(f"panel {i}: {describe_axes(ax)}" for i, ax in enumerate(panels[:MAX_PANELS], 1))
    more = f"; and {len(panels) - MAX_PANELS} more panels" if len(panels) > MAX_PANELS else ""
    return f"{head}, {len(panels)} panels. {shown}{more}."


def install(path):
    """Log every in-memory PNG matplotlib writes from now on to the JSON-lines file ``path``."""
    from matplotlib.backend_bases import FigureCanvasBase

    original = FigureCanvasBase.print_figure

    def print_figure(self, filename, *args, **kwargs):
        result = original(self, filename, *args, **kwargs)
        data = filename.getvalue() if hasattr(filename, "getvalue") else None
        if isinstance(data, bytes) and data.startswith(PNG_MAGIC):
            try:
                alt = describe(self.figure)
            except Exception:  # noqa: BLE001  (a description must never break a lab)
                alt = ""
            with open(path, "a", encoding="utf-8") as log:
                log.write(json.dumps({"sha256": hashlib.sha256(data).hexdigest(), "alt": alt}) + "\n")
        return result

    FigureCanvasBase.print_figure = print_figure
