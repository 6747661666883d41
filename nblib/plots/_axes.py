"""The one way every plotting helper gets its Axes: the caller's, or a new figure's."""

import matplotlib.pyplot as plt


def new_axes(ax, figsize):
    """``ax`` itself, or the Axes of a new pyplot figure of ``figsize`` when it is None.

    Parameters
    ----------
    ax : matplotlib.axes.Axes or None
        Where the caller wants the picture.
    figsize : pair of float
        Size in inches of the new figure, used only when ``ax`` is None.

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    TypeError
        If ``ax`` is given but is not a matplotlib Axes (checked here rather than by a
        confusing AttributeError halfway through drawing).

    Used in: every ``plot_*``/``draw_*`` function of ``nblib.plots`` that takes ``ax``.
    """
    if ax is None:
        _, ax = plt.subplots(figsize=figsize)
    elif not hasattr(ax, "add_patch"):
        raise TypeError("ax must be a matplotlib Axes")
    return ax
