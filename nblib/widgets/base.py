"""The one mechanism every course widget uses: controls, a message line and a PNG picture.
"""

import html
import io

import ipywidgets as widgets
from matplotlib.figure import Figure  # noqa: F401  (draw functions return one)



class PictureWidget(widgets.VBox):
    """Controls, a message line and a picture drawn as a PNG ``Image`` widget.

    Why not ``ipywidgets.interactive`` with ``plt.show()``: headless runners (nbclient,
    nbgrader) answer every output captured by an ``Output`` widget with a message on the
    kernel's shell channel, which races the cell's own reply and stalled about one run in
    five for a whole cell timeout. An ``Image`` widget needs no captured output.
    ``figure`` holds the last matplotlib Figure drawn (None after a message).
    """

    figure = None

    def __repr__(self):
        # The default repr would print the whole PNG as a bytes literal.
        return f"{type(self).__name__}({', '.join(getattr(c, 'description', '') for c in self.children[:-2])})"


def picture_explorer(draw, **controls):
    """Call ``draw(**values)`` now and whenever a control changes; show what it returns.

    Every course widget is built on this: an explorer declares its controls (ipywidgets
    with a ``value``) and a draw function, nothing else.

    Parameters
    ----------
    draw : callable
        Called with one keyword argument per control (its current value). Returns a
        matplotlib ``Figure`` made without pyplot (shown as a PNG), a ``str`` (shown as a
        message instead of a picture, e.g. "complete exercise 3 first"), or a pair
        ``(Figure, str)``: the picture with a note above it.
    **controls : ipywidgets.ValueWidget
        The controls, in display order; the keyword is the argument name in ``draw``.

    Returns
    -------
    PictureWidget
        The controls, a message line and the picture; ``figure`` is the last Figure drawn.

    Used in: every explorer of ``nblib.widgets`` (labs 01-07).
    """
    if not callable(draw):
        raise TypeError(f"draw must be a function, got {type(draw).__name__}")
    for name, control in controls.items():
        if not hasattr(control, "observe") or not hasattr(control, "value"):
            raise TypeError(f"control {name!r} must be an ipywidgets control with a value")
    message = widgets.HTML()
    image = widgets.Image(format="png")
    box = PictureWidget(children=[*controls.values(), message, image])

    def redraw(change=None):
        out = draw(**{name: control.value for name, control in controls.items()})
        note = ""
        if isinstance(out, tuple):
            out, note = out
        if isinstance(out, str):
            message.value = html.escape(out)
            image.layout.display = "none"
            box.figure = None
            return
        buffer = io.BytesIO()
        out.savefig(buffer, format="png", dpi=90)
        message.value = html.escape(note)
        image.value = buffer.getvalue()
        image.layout.display = None
        box.figure = out

    for control in controls.values():
        control.observe(redraw, names="value")
    redraw()
    return box
