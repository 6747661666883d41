"""The one mechanism every course widget uses: controls, a message line and a PNG picture.
"""

import html
import io
import os
import sysconfig

import ipywidgets as widgets

# A figure inch is shown as 100 CSS pixels, the size of an inline matplotlib plot (the
# inline backend keeps matplotlib's default figure.dpi of 100), so a widget's picture
# matches the plots beside it; it is rendered at twice that for sharp HiDPI screens.
CSS_PX_PER_INCH = 100
RENDER_DPI = 2 * CSS_PX_PER_INCH


def natural_layout(figure):
    """The CSS size of a figure's picture: its natural size, shrunk to fit a narrow window.

    Without an explicit width the notebook stretches the picture across the whole
    output area (blurry, and larger than the inline plots around it).

    Parameters
    ----------
    figure : matplotlib.figure.Figure

    Returns
    -------
    dict of str to str
        ``width`` (figure width x ``CSS_PX_PER_INCH``, in px), ``height: auto`` and
        ``max_width: 100%`` (the aspect ratio is kept when the window is narrower).

    Used in: ``picture_explorer`` (every widget of labs 01-07).
    """
    width_in, _ = figure.get_size_inches()
    return {"width": f"{round(width_in * CSS_PX_PER_INCH)}px", "height": "auto", "max_width": "100%"}


# ipywidgets gives a description 80 px (about 10 characters) and cuts a longer one
# ("learning r..."); a CSS ch (the width of "0") is a little wider than most letters.
DEFAULT_LABEL_CHARACTERS = 10


def fit_descriptions(controls):
    """Widen the descriptions of controls whose longest description would be cut off.

    When one description is longer than the default width holds, every control that
    keeps the default width gets the width of the longest one (in CSS ``ch``), so the
    labels are readable and the controls stay aligned. Controls given a
    ``description_width`` of their own are left alone.

    Parameters
    ----------
    controls : sequence of ipywidgets.Widget
        The controls, in display order.

    Returns
    -------
    str or None
        The width given (e.g. ``"14ch"``), or None when the default is wide enough.

    Used in: ``picture_explorer`` (every widget of labs 01-07).
    """
    longest = max((len(getattr(c, "description", "") or "") for c in controls), default=0)
    if longest <= DEFAULT_LABEL_CHARACTERS:
        return None
    width = f"{longest + 2}ch"
    for control in controls:
        style = getattr(control, "style", None)
        if style is not None and hasattr(style, "description_width") and not style.description_width:
            style.description_width = width
    return width


# Frames from these folders are not the learner's code: nblib itself, the standard library
# and installed packages (numpy, Keras...). A failure is reported under the name of the
# innermost function outside them, the one the learner wrote.
_LIBRARY_DIRS = tuple(
    os.path.normcase(os.path.realpath(d)) + os.sep
    for d in {os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
              *(sysconfig.get_paths().get(k) for k in ("stdlib", "platstdlib", "purelib", "platlib"))}
    if d
)


def _learner_function(exc, fn=None, name=None):
    """The name of the learner's function where ``exc`` was raised, or None if unknown.

    That is the innermost frame of the traceback outside nblib and installed libraries:
    a helper the learner's function calls is named by its own name; when it is ``fn``'s
    own code, ``name`` (the exercise, e.g. "conv2d") or else ``fn.__name__``.
    """
    frame_code = None
    tb = exc.__traceback__
    while tb is not None:
        code = tb.tb_frame.f_code
        path = os.path.normcase(os.path.realpath(code.co_filename))
        if not path.startswith(_LIBRARY_DIRS):
            frame_code = code
        tb = tb.tb_next
    if frame_code is None:
        return name
    if fn is not None and getattr(fn, "__code__", None) is frame_code:
        found = name or getattr(fn, "__name__", "")
    else:
        found = frame_code.co_name
    return found if found.isidentifier() else name


def failure_message(exc, fn=None, name=None):
    """What a widget shows when the learner's code raised ``exc``, instead of a traceback.

    The single wording of every course widget: an unfinished exercise (the stub's
    ``NotImplementedError``) says which function to complete and what to run; any other
    error gives its type and message, so that it is never lost in a widget callback.

    Parameters
    ----------
    exc : BaseException
        The exception caught, with its traceback.
    fn : callable, optional
        The learner's function that was called, if known.
    name : str, optional
        The exercise ``fn`` answers (e.g. "conv2d"), used when the error was raised in
        ``fn``'s own body; ``fn.__name__`` by default.

    Returns
    -------
    str
        E.g. ``"relu is not implemented yet: complete its exercise, run that cell, then
        run this cell again."`` or ``"predict raised ValueError: shapes do not match"``.

    Used in: ``picture_explorer`` and ``call_learner`` (every widget of labs 01-07), and
    the reference line of ``line_explorer`` (lab 01).
    """
    name = _learner_function(exc, fn, name)
    if isinstance(exc, NotImplementedError):
        return (f"{name or 'A function this widget calls'} is not implemented yet: complete its "
                "exercise, run that cell, then run this cell again.")
    error = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    return f"{name} raised {error}" if name else error


class LearnerCodeError(Exception):
    """The learner's function failed inside a widget; ``str(error)`` is the message to show."""


def call_learner(fn, *args, name=None, **kwargs):
    """Run one of the learner's functions for a widget: ``fn(*args, **kwargs)``.

    The one place where a widget calls the learner's code. Any exception becomes a
    ``LearnerCodeError`` carrying ``failure_message``, which ``picture_explorer`` shows
    in place of the picture, at the first drawing and at every redraw alike.

    Parameters
    ----------
    fn : callable
        The learner's function (or a notebook function calling it).
    *args, **kwargs
        Its arguments.
    name : str, optional
        The exercise it answers, e.g. "conv2d", named in the message; by default
        ``fn.__name__``.

    Returns
    -------
    object
        What ``fn`` returns.

    Raises
    ------
    LearnerCodeError
        If ``fn`` raised (the original exception is its ``__cause__``).

    Used in: every explorer of ``nblib.widgets`` that calls the learner's functions.
    """
    try:
        return fn(*args, **kwargs)
    except Exception as exc:  # reported in the widget, with its type
        raise LearnerCodeError(failure_message(exc, fn, name)) from exc


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
        ``(Figure, str)``: the picture with a note above it. If it raises (typically a
        ``LearnerCodeError`` from ``call_learner``), the error's message is shown
        instead, at every redraw: an error inside a control's callback would otherwise
        be lost.
    **controls : ipywidgets.ValueWidget
        The controls, in display order; the keyword is the argument name in ``draw``.

    Returns
    -------
    PictureWidget
        The controls, a message line and the picture; ``figure`` is the last Figure drawn.
        The picture is shown at the figure's natural size (``natural_layout``), rendered
        at ``RENDER_DPI`` so it stays sharp on HiDPI screens.

    Used in: every explorer of ``nblib.widgets`` (labs 01-07).
    """
    if not callable(draw):
        raise TypeError(f"draw must be a function, got {type(draw).__name__}")
    for name, control in controls.items():
        if not hasattr(control, "observe") or not hasattr(control, "value"):
            raise TypeError(f"control {name!r} must be an ipywidgets control with a value")
    fit_descriptions(list(controls.values()))
    for control in controls.values():
        if isinstance(control, widgets.ToggleButtons):
            # ipywidgets 8 draws a ToggleButtons' description on a line of its own, at the
            # far left; this class puts it beside the buttons, aligned with the other labels.
            control.add_class("widget-inline-hbox")
    message = widgets.HTML()
    image = widgets.Image(format="png")
    box = PictureWidget(children=[*controls.values(), message, image])

    def redraw(change=None):
        try:
            out = draw(**{name: control.value for name, control in controls.items()})
        except LearnerCodeError as exc:
            out = str(exc)
        except Exception as exc:  # noqa: BLE001  (e.g. the learner's output breaks a plot)
            # Shown, never raised: inside a control's callback it would be lost.
            out = failure_message(exc)
        note = ""
        if isinstance(out, tuple):
            out, note = out
        if isinstance(out, str):
            message.value = html.escape(out)
            image.layout.display = "none"
            box.figure = None
            return
        buffer = io.BytesIO()
        out.savefig(buffer, format="png", dpi=RENDER_DPI)
        message.value = html.escape(note)
        image.value = buffer.getvalue()
        for key, value in natural_layout(out).items():
            setattr(image.layout, key, value)
        image.layout.display = None
        box.figure = out

    for control in controls.values():
        control.observe(redraw, names="value")
    redraw()
    return box
