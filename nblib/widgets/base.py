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

    ``draw`` returns a matplotlib Figure (shown as a PNG) or a str (shown as a message,
    e.g. "complete exercise X first").
    """
    message = widgets.HTML()
    image = widgets.Image(format="png")
    box = PictureWidget(children=[*controls.values(), message, image])

    def redraw(change=None):
        out = draw(**{name: control.value for name, control in controls.items()})
        if isinstance(out, str):
            message.value = html.escape(out)
            image.layout.display = "none"
            box.figure = None
            return
        buffer = io.BytesIO()
        out.savefig(buffer, format="png", dpi=90)
        message.value = ""
        image.value = buffer.getvalue()
        image.layout.display = None
        box.figure = out

    for control in controls.values():
        control.observe(redraw, names="value")
    redraw()
    return box
