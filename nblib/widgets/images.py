"""The kernel explorer: a digit, an editable 3x3 kernel, its feature map and pooled map.
"""

import ipywidgets as widgets
import numpy as np
from matplotlib.figure import Figure

from nblib.widgets.base import call_learner, picture_explorer

# Preset 3x3 kernels (rows separated by ";"). Cross-correlation, as in Keras: the
# "vertical edge" kernel responds where brightness falls from left to right.
PRESET_KERNELS = {
    "vertical edge": "1 0 -1; 1 0 -1; 1 0 -1",
    "horizontal edge": "1 1 1; 0 0 0; -1 -1 -1",
    "sharpen": "0 -1 0; -1 5 -1; 0 -1 0",
    "blur (box)": "0.111 0.111 0.111; 0.111 0.111 0.111; 0.111 0.111 0.111",
    "diagonal (seed ring example)": "1 0 0; 0 -1 0; 0 0 1",
    "identity": "0 0 0; 0 1 0; 0 0 0",
}


def parse_kernel(text):
    """A 3x3 kernel written as three rows of three numbers, rows separated by ";".

    Returns a (3, 3) float array, or raises ValueError saying what is wrong.

    Used in: lab 05 (the kernel explorer).
    """
    rows = [r.replace(",", " ").split() for r in str(text).strip().split(";")]
    if len(rows) != 3 or any(len(r) != 3 for r in rows):
        raise ValueError("write the kernel as three rows of three numbers separated by ';', "
                         "e.g. 1 0 -1; 1 0 -1; 1 0 -1")
    try:
        kernel = np.array([[float(v) for v in r] for r in rows])
    except ValueError:
        raise ValueError("every kernel entry must be a number") from None
    if not np.all(np.isfinite(kernel)):
        raise ValueError("kernel entries must be finite")
    return kernel


def kernel_explorer(images, conv2d, pool2d, *, labels=None, kernels=None, figsize=(9, 3.2)):
    """Pick a digit and a 3x3 kernel (or edit it); see the feature map and the pooled map.

    Each redraw computes ``conv2d(image, kernel, stride=1, padding=1)`` (a feature map the
    size of the digit), applies ReLU, and pools it with ``pool2d(..., size=2, stride=2,
    mode=mode)``. Both functions are the learner's, passed in; while either is still the
    unimplemented stub, the widget says which exercise to complete instead.
    The colour scale of each panel depends only on the kernel (the largest response a
    kernel can give on pixels in [0, 1]), so maps of different digits compare fairly.

    Parameters
    ----------
    images : array_like, shape (n, h, w) or (n, h, w, 1)
        Greyscale images with pixels in [0, 1] (e.g. some test digits).
    conv2d : callable
        ``conv2d(image, kernel, stride=1, padding=0)`` -> 2-D feature map.
    pool2d : callable
        ``pool2d(image, size=2, stride=2, mode="max")`` -> 2-D pooled map.
    labels : sequence of int, optional
        One label per image, shown in the title.
    kernels : dict of str to str, optional
        Preset name -> kernel text ("a b c; d e f; g h i"); :data:`PRESET_KERNELS` by
        default.
    figsize : pair of float, default (9, 3.2)

    Returns
    -------
    PictureWidget
        Display it with ``display(...)``.

    Used in: lab 05 (section "Pooling", the kernel explorer).
    """
    for fn, label in ((conv2d, "conv2d"), (pool2d, "pool2d")):
        if not callable(fn):
            raise TypeError(f"{label} must be a function, got {type(fn).__name__}")
    arr = np.asarray(images, dtype=float)
    if arr.ndim == 4 and arr.shape[-1] == 1:
        arr = arr[..., 0]
    if arr.ndim != 3 or 0 in arr.shape:
        raise ValueError(f"images must have shape (n, h, w) or (n, h, w, 1), got {np.shape(images)}")
    if not np.all(np.isfinite(arr)):
        raise ValueError("images contains NaN or inf")
    if labels is not None:
        labels = [int(v) for v in labels]
        if len(labels) != len(arr):
            raise ValueError(f"labels must have one entry per image ({len(arr)}), got {len(labels)}")
    presets = dict(PRESET_KERNELS if kernels is None else kernels)
    if not presets:
        raise ValueError("kernels must hold at least one preset")
    for name, text in presets.items():
        try:
            parse_kernel(text)
        except ValueError as exc:
            raise ValueError(f"kernels[{name!r}]: {exc}") from None

    first = next(iter(presets))
    digit = widgets.IntSlider(value=0, min=0, max=len(arr) - 1, description="image")
    preset = widgets.Dropdown(options=list(presets), value=first, description="preset")
    text = widgets.Text(value=presets[first], description="kernel",
                        layout=widgets.Layout(width="26em"), continuous_update=False)
    mode = widgets.Dropdown(options=["max", "avg", "min", "sum"], value="max", description="pooling")

    def use_preset(change):
        text.value = presets[change["new"]]

    preset.observe(use_preset, names="value")

    def draw(image, preset, kernel, pooling):
        try:
            k = parse_kernel(kernel)
        except ValueError as exc:
            return str(exc)
        picture = arr[image]
        fmap = np.asarray(call_learner(conv2d, picture, k, stride=1, padding=1, name="conv2d"),
                          dtype=float)
        pooled = np.asarray(call_learner(pool2d, np.maximum(fmap, 0.0), size=2, stride=2,
                                         mode=pooling, name="pool2d"), dtype=float)
        if fmap.ndim != 2 or pooled.ndim != 2:
            return (f"conv2d returned shape {fmap.shape} and pool2d shape {pooled.shape}: "
                    "both should be 2-D maps.")
        reach = max(float(np.abs(k).sum()), 1e-9)
        top = reach * (4.0 if pooling == "sum" else 1.0)
        fig = Figure(figsize=figsize)
        axes = fig.subplots(1, 3)
        title = "image" if labels is None else f"image (digit {labels[image]})"
        axes[0].imshow(picture, cmap="gray_r", vmin=0, vmax=1, interpolation="nearest")
        axes[0].set_title(title, fontsize="small")
        axes[1].imshow(fmap, cmap="RdBu_r", vmin=-reach, vmax=reach, interpolation="nearest")
        axes[1].set_title(f"feature map {fmap.shape[0]}x{fmap.shape[1]}\n(padding 1, stride 1)",
                          fontsize="small")
        axes[2].imshow(pooled, cmap="Reds", vmin=0, vmax=top, interpolation="nearest")
        axes[2].set_title(f"ReLU, then 2x2 {pooling} pooling\n{pooled.shape[0]}x{pooled.shape[1]}",
                          fontsize="small")
        for ax in axes:
            ax.set_xticks([])
            ax.set_yticks([])
        return fig

    return picture_explorer(draw, image=digit, preset=preset, kernel=text, pooling=mode)
