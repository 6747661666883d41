"""Diagrams of networks: a neuron, a layered network, the lecture's 2-2-1 worked example.

Pure drawing functions: they take everything as arguments, draw circles, arrows and
labels with matplotlib on the given Axes (or a new figure) and return the Axes. They
compute nothing about the network itself: the numbers written on a diagram are the
numbers passed in.
"""

import math
from numbers import Real

from matplotlib.patches import Circle, FancyArrowPatch

from nblib import _validate
from nblib.plots._axes import new_axes

_RADIUS = 0.22
_COLOURS = {"input": "#dbe9f6", "hidden": "#fde9c9", "output": "#d9f0d3", "sum": "#fde9c9"}
WORKED_EXAMPLE_KEYS = ("w13", "w23", "w14", "w24", "w35", "w45")


def _labels(labels, n, name, default):
    if labels is None:
        return [default(i) for i in range(n)]
    if isinstance(labels, str) or not hasattr(labels, "__len__"):
        raise TypeError(f"{name} must be a sequence of {n} strings")
    if len(labels) != n:
        raise ValueError(f"{name} must have {n} entries, got {len(labels)}")
    return [str(s) for s in labels]


def _axes(ax, figsize):
    ax = new_axes(ax, figsize)
    ax.set_aspect("equal")
    ax.axis("off")
    return ax


def _node(ax, xy, text, kind, fontsize=11):
    ax.add_patch(Circle(xy, _RADIUS, facecolor=_COLOURS[kind], edgecolor="black", linewidth=1.2,
                        zorder=3))
    ax.text(xy[0], xy[1], text, ha="center", va="center", fontsize=fontsize, zorder=4)


def _arrow(ax, start, end, colour="0.35"):
    dx, dy = end[0] - start[0], end[1] - start[1]
    length = math.hypot(dx, dy)
    ux, uy = dx / length, dy / length
    a = (start[0] + ux * _RADIUS, start[1] + uy * _RADIUS)
    b = (end[0] - ux * _RADIUS, end[1] - uy * _RADIUS)
    ax.add_patch(FancyArrowPatch(a, b, arrowstyle="-|>", mutation_scale=12, color=colour,
                                 linewidth=1.0, zorder=2))


def _column(n, x):
    """Centres of n nodes stacked vertically around y = 0, spaced 0.7 apart."""
    return [(x, 0.7 * ((n - 1) / 2 - i)) for i in range(n)]


def draw_neuron(n_inputs=3, *, ax=None, activation="f", input_labels=None, weight_labels=None,
                bias_label="b", output_label=r"$\hat y$"):
    """Draw one artificial neuron: inputs, weighted arrows, sum plus bias, activation, output.

    Parameters
    ----------
    n_inputs : int, default 3
        Number of inputs, 1 to 8.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new (7, 3.2) figure if omitted.
    activation : str, default "f"
        Name written in the activation box (e.g. "step", r"$\\sigma$").
    input_labels, weight_labels : sequence of str, optional
        One label per input; default $x_1, \\dots$ and $w_1, \\dots$.
    bias_label : str, default "b"
        Label of the bias arrow.
    output_label : str
        Label of the output.

    Returns
    -------
    matplotlib.axes.Axes

    Used in: lab 02 (section 2, "The perceptron"), lab 03 (section 1).
    """
    n = _validate.int_between(n_inputs, "n_inputs", 1, 8)
    inputs = _labels(input_labels, n, "input_labels", lambda i: f"$x_{i + 1}$")
    weights = _labels(weight_labels, n, "weight_labels", lambda i: f"$w_{i + 1}$")
    for name, value in (("activation", activation), ("bias_label", bias_label),
                        ("output_label", output_label)):
        if not isinstance(value, str):
            raise TypeError(f"{name} must be a string, got {type(value).__name__}")
    ax = _axes(ax, (7, 3.2))
    centre = (2.2, 0.0)
    for xy, label, w in zip(_column(n, 0.0), inputs, weights):
        _node(ax, xy, label, "input")
        _arrow(ax, xy, centre)
        ax.text((xy[0] + centre[0]) / 2 - 0.15, (xy[1] + centre[1]) / 2 + 0.08, w, fontsize=10,
                color="tab:blue", ha="center", va="bottom")
    _node(ax, centre, r"$\Sigma$", "sum", fontsize=14)
    ax.annotate(bias_label, xy=(centre[0], centre[1] + _RADIUS), xytext=(centre[0], centre[1] + 0.9),
                ha="center", fontsize=10, color="tab:red",
                arrowprops={"arrowstyle": "-|>", "color": "tab:red"})
    box = (3.4, 0.0)
    ax.text(box[0], box[1], activation, ha="center", va="center", fontsize=12, zorder=4,
            bbox={"boxstyle": "round,pad=0.4", "facecolor": "white", "edgecolor": "black"})
    ax.annotate("", xy=(box[0] - 0.35, 0.0), xytext=(centre[0] + _RADIUS, 0.0),
                arrowprops={"arrowstyle": "-|>", "color": "0.35"})
    ax.text((centre[0] + box[0]) / 2 + 0.05, 0.08, "$z$", ha="center", va="bottom", fontsize=10)
    ax.annotate("", xy=(4.5, 0.0), xytext=(box[0] + 0.35, 0.0),
                arrowprops={"arrowstyle": "-|>", "color": "0.35"})
    ax.text(4.6, 0.0, output_label, ha="left", va="center", fontsize=12)
    top = 0.7 * (n - 1) / 2 + 0.5
    ax.set_xlim(-0.5, 5.3)
    ax.set_ylim(-max(top, 1.0), max(top, 1.2))
    return ax


def draw_network(layer_sizes, *, ax=None, layer_names=None, title=None):
    """Draw a fully connected (dense) feed-forward network, layer by layer.

    Every unit of one layer has an arrow to every unit of the next: each arrow is one
    weight. Layers are named underneath (by default "input layer", "hidden layer",
    "output layer").

    Parameters
    ----------
    layer_sizes : sequence of int
        Units per layer, from the input layer to the output layer; 2 to 5 layers of
        1 to 10 units.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure sized to the network if omitted.
    layer_names : sequence of str, optional
        One name per layer.
    title : str, optional
        Axes title.

    Returns
    -------
    matplotlib.axes.Axes

    Used in: lab 02 (section 8, the layers of the XOR network), lab 03 (section 1, the
    dense layer).
    """
    if isinstance(layer_sizes, (str, bytes)) or not hasattr(layer_sizes, "__len__"):
        raise TypeError("layer_sizes must be a sequence of ints, e.g. (2, 3, 1)")
    if not 2 <= len(layer_sizes) <= 5:
        raise ValueError(f"layer_sizes must have 2 to 5 layers, got {len(layer_sizes)}")
    sizes = [_validate.int_between(s, f"layer_sizes[{i}]", 1, 10) for i, s in enumerate(layer_sizes)]
    n_layers = len(sizes)

    def default_name(i):
        if i == 0:
            return "input layer"
        if i == n_layers - 1:
            return "output layer"
        return "hidden layer" if n_layers == 3 else f"hidden layer {i}"

    names = _labels(layer_names, n_layers, "layer_names", default_name)
    if title is not None and not isinstance(title, str):
        raise TypeError("title must be a string")
    ax = _axes(ax, (2.2 * n_layers, 0.6 * max(sizes) + 1.4))
    columns = [_column(n, 1.8 * i) for i, n in enumerate(sizes)]
    for i, (left, right) in enumerate(zip(columns, columns[1:])):
        for a in left:
            for b in right:
                _arrow(ax, a, b)
    for i, column in enumerate(columns):
        kind = "input" if i == 0 else "output" if i == n_layers - 1 else "hidden"
        for j, xy in enumerate(column):
            text = f"$x_{j + 1}$" if i == 0 else ""
            _node(ax, xy, text, kind)
        bottom = column[-1][1] - 0.45
        ax.text(column[0][0], min(bottom, -0.7 * (max(sizes) - 1) / 2 - 0.45), names[i],
                ha="center", va="top", fontsize=10)
    half = 0.7 * (max(sizes) - 1) / 2
    ax.set_xlim(-0.6, 1.8 * (n_layers - 1) + 0.6)
    ax.set_ylim(-half - 0.9, half + 0.5)
    if title is not None:
        ax.set_title(title)
    return ax


def draw_worked_example(weights, *, inputs=(0.35, 0.9), ax=None, title=None):
    """Draw the lecture's 2-2-1 network (inputs 1, 2; hidden units 3, 4; output 5).

    Each arrow carries its weight $w_{ij}$ (from unit i to unit j) and the given value.

    Parameters
    ----------
    weights : dict
        The six weights "w13", "w23", "w14", "w24", "w35", "w45" (numbers).
    inputs : pair of float, default (0.35, 0.9)
        The values written next to input units 1 and 2.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new (7, 3.6) figure if omitted.
    title : str, optional
        Axes title.

    Returns
    -------
    matplotlib.axes.Axes

    Used in: lab 03 (section 4, "Backpropagation by hand").
    """
    if not isinstance(weights, dict):
        raise TypeError("weights must be a dict with the keys " + ", ".join(WORKED_EXAMPLE_KEYS))
    missing = [k for k in WORKED_EXAMPLE_KEYS if k not in weights]
    if missing:
        raise ValueError(f"weights is missing the keys {missing}")
    values = {}
    for key in WORKED_EXAMPLE_KEYS:
        value = weights[key]
        if isinstance(value, bool) or not isinstance(value, Real) or not math.isfinite(value):
            raise TypeError(f"weights[{key!r}] must be a finite number, got {value!r}")
        values[key] = float(value)
    if isinstance(inputs, (str, bytes)) or not hasattr(inputs, "__len__") or len(inputs) != 2:
        raise ValueError("inputs must be a pair of numbers (x1, x2)")
    for v in inputs:
        if isinstance(v, bool) or not isinstance(v, Real) or not math.isfinite(v):
            raise TypeError(f"inputs must hold finite numbers, got {v!r}")
    if title is not None and not isinstance(title, str):
        raise TypeError("title must be a string")
    ax = _axes(ax, (7, 3.6))
    pos = {1: (0.0, 0.8), 2: (0.0, -0.8), 3: (2.4, 0.8), 4: (2.4, -0.8), 5: (4.8, 0.0)}
    # Where along each arrow its label sits (fraction from the start), chosen so that
    # the crossing arrows 1->4 and 2->3 keep their labels apart.
    where = {"w13": 0.5, "w23": 0.25, "w14": 0.25, "w24": 0.5, "w35": 0.5, "w45": 0.5}
    offset = {"w13": 0.14, "w23": 0.12, "w14": -0.12, "w24": -0.14, "w35": 0.14, "w45": -0.14}
    for key in WORKED_EXAMPLE_KEYS:
        i, j = int(key[1]), int(key[2])
        _arrow(ax, pos[i], pos[j])
        t = where[key]
        x = pos[i][0] + t * (pos[j][0] - pos[i][0])
        y = pos[i][1] + t * (pos[j][1] - pos[i][1]) + offset[key]
        ax.text(x, y, f"$w_{{{i}{j}}} = {values[key]:g}$", ha="center", va="center", fontsize=9,
                color="tab:blue", zorder=5,
                bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none"})
    for unit, xy in pos.items():
        kind = "input" if unit <= 2 else "output" if unit == 5 else "hidden"
        _node(ax, xy, str(unit), kind)
    ax.text(-0.35, 0.8, f"$x_1 = {float(inputs[0]):g}$", ha="right", va="center", fontsize=10)
    ax.text(-0.35, -0.8, f"$x_2 = {float(inputs[1]):g}$", ha="right", va="center", fontsize=10)
    ax.text(5.15, 0.0, "$y_5$", ha="left", va="center", fontsize=11)
    for x, name in ((0.0, "input layer"), (2.4, "hidden layer\n(sigmoid)"), (4.8, "output layer\n(sigmoid)")):
        ax.text(x, -1.25, name, ha="center", va="top", fontsize=9)
    ax.set_xlim(-1.9, 5.8)
    ax.set_ylim(-1.9, 1.3)
    if title is not None:
        ax.set_title(title)
    return ax
