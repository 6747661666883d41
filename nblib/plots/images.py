"""Images: grids of images, filters and feature maps, number grids, the sliding window.

Every function draws what it is given (nothing here convolves or pools) and returns the
Figure or Axes it drew on. Functions that draw a grid take ``fig=`` so that widgets can
pass a pyplot-free ``matplotlib.figure.Figure``.
"""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Rectangle

from nblib import _validate
from nblib.plots._axes import new_axes


def _stack(images, name="images"):
    """``images`` as a float array (n, h, w) or (n, h, w, 3), or a clear error.

    Accepted: (n, h, w), (n, h, w, 1) (squeezed) and (n, h, w, 3) (RGB), or a list of
    2-D arrays of possibly different sizes (returned as a list).
    """
    if isinstance(images, (list, tuple)):
        if not images:
            raise ValueError(f"{name} must hold at least one image")
        return [_stack(np.asarray(im)[np.newaxis], name)[0] for im in images]
    try:
        arr = np.asarray(images, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"{name} must be a numeric array of images") from None
    if arr.ndim == 4 and arr.shape[-1] == 1:
        arr = arr[..., 0]
    if not (arr.ndim == 3 or (arr.ndim == 4 and arr.shape[-1] == 3)):
        raise ValueError(f"{name} must have shape (n, h, w), (n, h, w, 1) or (n, h, w, 3), "
                         f"got shape {arr.shape}; for one image use image[np.newaxis]")
    if arr.shape[0] == 0:
        raise ValueError(f"{name} must hold at least one image")
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} contains NaN or inf")
    return arr


def _titles(titles, n, name="titles", per="image"):
    if titles is None:
        return [None] * n
    titles = [str(t) for t in titles]
    if len(titles) != n:
        raise ValueError(f"{name} must have one entry per {per} ({n}), got {len(titles)}")
    return titles


def _grid(n, ncols, fig, size):
    ncols = min(_validate.int_at_least(ncols, "ncols", 1), n)
    nrows = int(np.ceil(n / ncols))
    if fig is None:
        # constrained layout keeps a suptitle clear of the panel titles
        fig = plt.figure(figsize=(size * ncols, size * nrows + 0.3), layout="constrained")
    axes = fig.subplots(nrows, ncols, squeeze=False)
    for ax in axes.ravel()[n:]:
        ax.axis("off")
    return fig, axes.ravel()[:n]


def show_images(images, titles=None, *, ncols=10, cmap="gray_r", vmin=None, vmax=None,
                size=1.1, fig=None, suptitle=None, row_labels=None):
    """Draw a batch of images in a grid, one small panel each, with optional titles.

    Parameters
    ----------
    images : array_like, shape (n, h, w), (n, h, w, 1) or (n, h, w, 3)
        The images (channels last); a list of 2-D arrays of different sizes also works.
        Greyscale images use ``cmap``; RGB images must be in [0, 1].
    titles : sequence of str, optional
        One title per image (e.g. the label, or "true 3 / predicted 8").
    ncols : int, default 10
        Panels per row.
    cmap : str, default "gray_r"
        Colour map for greyscale images ("gray_r": 0 white, 1 black, as ink on paper).
    vmin, vmax : float, optional
        Colour limits shared by all panels; each panel's own range if omitted.
    size : float, default 1.1
        Width of one panel in inches.
    fig : matplotlib.figure.Figure, optional
        An empty figure to draw into; a new pyplot figure if omitted.
    suptitle : str, optional
        A title over the grid.
    row_labels : sequence of str, optional
        One label per row of the grid, written to the left of its first panel (e.g.
        "unit 3" when each row holds the images that excite one unit most).

    Returns
    -------
    matplotlib.figure.Figure

    Used in: lab 05 (sections "Images are arrays", "Translation invariance, measured",
    "A CNN in Keras" (misclassified digits, what deeper layers respond to), "Shifted
    digits", "Where CNNs are used, and where they fail").
    """
    arr = _stack(images)
    n = len(arr)
    labels = _titles(titles, n)
    if row_labels is not None:
        _validate.int_at_least(ncols, "ncols", 1)
        row_labels = _titles(row_labels, int(np.ceil(n / min(int(ncols), n))), "row_labels", "row")
    fig, axes = _grid(n, ncols, fig, size)
    for ax, image, title in zip(axes, arr, labels):
        if image.ndim == 3:
            ax.imshow(np.clip(image, 0, 1), interpolation="nearest")
        else:
            ax.imshow(image, cmap=cmap, vmin=vmin, vmax=vmax, interpolation="nearest")
        ax.set_xticks([])
        ax.set_yticks([])
        if title is not None:
            ax.set_title(title, fontsize="small")
    if row_labels is not None:
        per_row = min(int(ncols), n)
        for row, label in enumerate(row_labels):
            axes[row * per_row].set_ylabel(label, fontsize="small")
    if suptitle is not None:
        fig.suptitle(str(suptitle))
    return fig


def show_feature_maps(maps, titles=None, *, ncols=8, size=1.3, fig=None, suptitle=None,
                      symmetric=True):
    """Draw the channels of one layer output (h, w, c) side by side.

    A feature map holds positive and negative responses, so with ``symmetric`` each
    panel uses a diverging colour map centred on 0 (red positive, blue negative, white
    0); otherwise a grey map from each panel's min to max.

    Parameters
    ----------
    maps : array_like, shape (h, w, c) or (h, w)
        One image's feature maps, channels last (a Keras layer output for one sample).
    titles : sequence of str, optional
        One title per channel; "map 0", "map 1", ... if omitted.
    ncols, size, fig, suptitle
        As in :func:`show_images`.
    symmetric : bool, default True
        Centre each panel's colours on 0.

    Returns
    -------
    matplotlib.figure.Figure

    Used in: lab 05 (section "A CNN in Keras": the first layer's maps, what deeper layers
    respond to).
    """
    arr = np.asarray(maps, dtype=float)
    if arr.ndim == 2:
        arr = arr[..., np.newaxis]
    if arr.ndim != 3 or 0 in arr.shape:
        raise ValueError(f"maps must have shape (h, w, c) or (h, w), got shape {np.shape(maps)}")
    if not np.all(np.isfinite(arr)):
        raise ValueError("maps contains NaN or inf")
    stack = np.moveaxis(arr, -1, 0)
    n = len(stack)
    labels = _titles(titles, n) if titles is not None else [f"map {i}" for i in range(n)]
    fig, axes = _grid(n, ncols, fig, size)
    for ax, image, title in zip(axes, stack, labels):
        if symmetric:
            lim = max(float(np.abs(image).max()), 1e-12)
            ax.imshow(image, cmap="RdBu_r", vmin=-lim, vmax=lim, interpolation="nearest")
        else:
            ax.imshow(image, cmap="gray", interpolation="nearest")
        ax.set_xticks([])
        ax.set_yticks([])
        ax.set_title(title, fontsize="small")
    if suptitle is not None:
        fig.suptitle(str(suptitle))
    return fig


def show_filters(kernels, *, channel=0, ncols=8, size=1.1, fig=None, suptitle=None,
                 annotate=None):
    """Draw the filters of a convolution layer, one panel per output channel.

    Parameters
    ----------
    kernels : array_like, shape (f, f, c_in, c_out) or (f, f, c_out) or (f, f)
        The filter bank in TensorFlow's layout (``Conv2D.get_weights()[0]``).
    channel : int, default 0
        Which input channel to draw for a 4-D bank.
    ncols, size, fig, suptitle
        As in :func:`show_images`.
    annotate : bool, optional
        Write each weight in its cell; by default only for filters up to 5x5 with at
        most 8 panels.

    Returns
    -------
    matplotlib.figure.Figure

    Used in: lab 05 (section "A CNN in Keras": the learned filters).
    """
    arr = np.asarray(kernels, dtype=float)
    if arr.ndim == 2:
        arr = arr[..., np.newaxis]
    if arr.ndim == 4:
        if isinstance(channel, bool) or not isinstance(channel, (int, np.integer)) \
                or not 0 <= channel < arr.shape[2]:
            raise ValueError(f"channel must be an int from 0 to {arr.shape[2] - 1}, got {channel!r}")
        arr = arr[:, :, int(channel), :]
    if arr.ndim != 3 or 0 in arr.shape:
        raise ValueError("kernels must have shape (f, f, c_in, c_out), (f, f, c_out) or (f, f), "
                         f"got shape {np.shape(kernels)}")
    if not np.all(np.isfinite(arr)):
        raise ValueError("kernels contains NaN or inf")
    stack = np.moveaxis(arr, -1, 0)
    n = len(stack)
    if annotate is None:
        annotate = max(arr.shape[:2]) <= 5 and n <= 8
    fig, axes = _grid(n, ncols, fig, size)
    for i, (ax, k) in enumerate(zip(axes, stack)):
        lim = max(float(np.abs(k).max()), 1e-12)
        ax.imshow(k, cmap="RdBu_r", vmin=-lim, vmax=lim, interpolation="nearest")
        if annotate:
            for (r, c), v in np.ndenumerate(k):
                ax.text(c, r, f"{v:.2g}", ha="center", va="center", fontsize="x-small")
        ax.set_xticks([])
        ax.set_yticks([])
        ax.set_title(f"filter {i}", fontsize="small")
    if suptitle is not None:
        fig.suptitle(str(suptitle))
    return fig


def plot_number_grid(values, *, ax=None, title=None, fmt="{:g}", highlight=None, cmap="Blues"):
    """Draw a small matrix as coloured cells with each number written in its cell.

    Parameters
    ----------
    values : array_like, shape (h, w)
        The numbers (an image, a kernel or a feature map from a worked example).
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure sized to the matrix if omitted.
    title : str, optional
    fmt : str, default "{:g}"
        Format of each number.
    highlight : tuple (row, col, height, width), optional
        A rectangle of cells to outline in red (e.g. where the kernel sits).
    cmap : str, default "Blues"

    Returns
    -------
    matplotlib.axes.Axes

    Used in: lab 05 (section "Convolution by hand": the seeds' worked examples).
    """
    arr = np.asarray(values, dtype=float)
    if arr.ndim != 2 or 0 in arr.shape:
        raise ValueError(f"values must be a 2-D array, got shape {np.shape(values)}")
    if not np.all(np.isfinite(arr)):
        raise ValueError("values contains NaN or inf")
    ax = new_axes(ax, (0.45 * arr.shape[1] + 0.6, 0.45 * arr.shape[0] + 0.6))
    ax.imshow(arr, cmap=cmap, interpolation="nearest")
    span = float(arr.max() - arr.min())
    for (r, c), v in np.ndenumerate(arr):
        dark = span > 0 and (v - arr.min()) / span > 0.6
        ax.text(c, r, fmt.format(v), ha="center", va="center", fontsize="small",
                color="white" if dark else "black")
    if highlight is not None:
        try:
            r0, c0, h, w = (int(v) for v in highlight)
        except (TypeError, ValueError):
            raise TypeError("highlight must be four ints (row, col, height, width)") from None
        ax.add_patch(Rectangle((c0 - 0.5, r0 - 0.5), w, h, fill=False, edgecolor="red", lw=2.5))
    ax.set_xticks([])
    ax.set_yticks([])
    if title is not None:
        ax.set_title(str(title), fontsize="small")
    return ax


def plot_sliding_window(n, f, *, padding=0, stride=1, out_size, position=(0, 0), axes=None):
    """Picture of one step of a convolution: the window on the padded input, and its output cell.

    Left: the n x n input (blue) inside its ring of ``padding`` zeros (grey), with the
    f x f window drawn at output position ``position`` (the window's top-left corner is
    ``stride * position`` in padded coordinates). Right: the ``out_size`` x ``out_size``
    output grid with that output cell filled. The function does not compute the output
    size: pass it in (e.g. from your ``conv_output_size``), and it checks that the window
    for ``position`` fits.

    Parameters
    ----------
    n, f : int
        Input and filter size (square).
    padding, stride : int
        Zeros added on each side (>= 0) and step of the window (>= 1).
    out_size : int
        The output size (>= 1).
    position : (int, int), default (0, 0)
        Output row and column whose window is drawn.
    axes : pair of matplotlib.axes.Axes, optional
        Where to draw input and output; a new (8, 4) figure if omitted.

    Returns
    -------
    pair of matplotlib.axes.Axes

    Raises
    ------
    ValueError
        For sizes that are not positive ints, or a position outside the output grid or
        whose window leaves the padded input.

    Used in: lab 05 (section "Stride, padding and the output size").
    """
    n = _validate.int_at_least(n, "n", 1)
    f = _validate.int_at_least(f, "f", 1)
    padding = _validate.int_at_least(padding, "padding", 0)
    stride = _validate.int_at_least(stride, "stride", 1)
    out_size = _validate.int_at_least(out_size, "out_size", 1)
    try:
        i, j = (int(v) for v in position)
    except (TypeError, ValueError):
        raise TypeError(f"position must be two ints (row, col), got {position!r}") from None
    if not (0 <= i < out_size and 0 <= j < out_size):
        raise ValueError(f"position {position} is outside the {out_size}x{out_size} output")
    size = n + 2 * padding
    if max(i, j) * stride + f > size:
        raise ValueError(f"the window for position {position} (stride {stride}) leaves the "
                         f"{size}x{size} padded input")
    if axes is None:
        fig = plt.figure(figsize=(8, 4))
        axes = fig.subplots(1, 2)
    ax_in, ax_out = axes
    for r in range(size):
        for c in range(size):
            inside = padding <= r < padding + n and padding <= c < padding + n
            ax_in.add_patch(Rectangle((c, r), 1, 1, facecolor="#cfe2f3" if inside else "0.85",
                                      edgecolor="white", lw=1))
            if not inside:
                ax_in.text(c + 0.5, r + 0.5, "0", ha="center", va="center", fontsize="x-small",
                           color="0.4")
    ax_in.add_patch(Rectangle((j * stride, i * stride), f, f, fill=False, edgecolor="red", lw=3))
    ax_in.set_xlim(0, size)
    ax_in.set_ylim(size, 0)
    ax_in.set_aspect("equal")
    ax_in.axis("off")
    ax_in.set_title(f"input {n}x{n}, padding {padding} -> {size}x{size}\n"
                    f"filter {f}x{f}, stride {stride}", fontsize="small")
    for r in range(out_size):
        for c in range(out_size):
            filled = (r, c) == (i, j)
            ax_out.add_patch(Rectangle((c, r), 1, 1, facecolor="red" if filled else "#fde9d9",
                                       edgecolor="white", lw=1))
    ax_out.set_xlim(0, max(size, out_size))
    ax_out.set_ylim(max(size, out_size), 0)
    ax_out.set_aspect("equal")
    ax_out.axis("off")
    ax_out.set_title(f"output {out_size}x{out_size}, cell {(i, j)}", fontsize="small")
    return ax_in, ax_out
