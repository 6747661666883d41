"""Pictures of sequences and recurrent networks.

Pure drawing functions: each takes everything as arguments, draws on the given Axes (or
a new figure) and returns the Axes. ``draw_unrolled_rnn`` draws the folded and unrolled
recurrent unit; the others plot arrays they are given (windows cut from a series,
hidden states over time, gradient norms per time step, training curves over seeds,
gate values, forecasts). None of them computes a recurrent cell or cuts a series into
windows.
"""

import numpy as np
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from nblib import _validate
from nblib.plots._axes import new_axes

_BOX = {"input": "#dbe9f6", "cell": "#fde9c9", "output": "#d9f0d3"}


def _box(ax, xy, text, kind, width=0.8, height=0.5):
    x, y = xy
    ax.add_patch(FancyBboxPatch((x - width / 2, y - height / 2), width, height,
                                boxstyle="round,pad=0.05", facecolor=_BOX[kind],
                                edgecolor="black", linewidth=1.1, zorder=3))
    ax.text(x, y, text, ha="center", va="center", fontsize=10, zorder=4)


def _arrow(ax, a, b, colour="0.3", **kwargs):
    ax.add_patch(FancyArrowPatch(a, b, arrowstyle="-|>", mutation_scale=12, color=colour,
                                 linewidth=1.2, zorder=2, **kwargs))


def draw_unrolled_rnn(n_steps=4, *, ax=None, cell_label="RNN", title=None):
    """Draw a recurrent unit folded (a loop) and unrolled over ``n_steps`` time steps.

    Left: one cell with its input $x_t$, output $h_t$ and the loop that feeds $h_t$ back.
    Right: the same cell copied once per step, each copy passing its hidden state to the
    next; every copy has the same weights.

    Parameters
    ----------
    n_steps : int, default 4
        Time steps drawn in the unrolled part (1 to 8).
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new (11, 3) figure if omitted.
    cell_label : str, default "RNN"
        Text in each cell.
    title : str, optional
        Axes title.

    Returns
    -------
    matplotlib.axes.Axes

    Used in: lab 06 (section "The recurrent unit and unrolling").
    """
    n_steps = _validate.int_between(n_steps, "n_steps", 1, 8)
    ax = new_axes(ax, (11, 3))
    ax.set_aspect("equal")
    ax.axis("off")
    # Folded cell with its loop.
    _box(ax, (0, 1), cell_label, "cell")
    _box(ax, (0, 0), "$x_t$", "input")
    _box(ax, (0, 2), "$h_t$", "output")
    _arrow(ax, (0, 0.25), (0, 0.7))
    _arrow(ax, (0, 1.3), (0, 1.75))
    _arrow(ax, (0.45, 1.1), (0.45, 0.9), connectionstyle="arc3,rad=-2.2")
    ax.text(0.95, 1.0, "$h_{t-1}$", fontsize=9, va="center")
    ax.text(1.7, 1.0, "=", fontsize=20, ha="center", va="center")
    # Unrolled chain.
    x0 = 2.6
    for k in range(n_steps):
        x = x0 + 1.5 * k
        t = "t" if k == n_steps - 1 else (f"{k + 1}" if k < n_steps - 1 else "t")
        _box(ax, (x, 1), cell_label, "cell")
        _box(ax, (x, 0), f"$x_{{{t}}}$", "input")
        _box(ax, (x, 2), f"$h_{{{t}}}$", "output")
        _arrow(ax, (x, 0.25), (x, 0.7))
        _arrow(ax, (x, 1.3), (x, 1.75))
        if k == 0:
            ax.text(x - 1.0, 1.0, "$h_0$", fontsize=10, ha="center", va="center")
            _arrow(ax, (x - 0.8, 1.0), (x - 0.45, 1.0))
        else:
            _arrow(ax, (x - 1.05, 1.0), (x - 0.45, 1.0))
    ax.set_xlim(-0.7, x0 + 1.5 * (n_steps - 1) + 0.7)
    ax.set_ylim(-0.5, 2.5)
    if title is not None:
        ax.set_title(str(title))
    return ax


def plot_windows(X, y, horizon=1, *, rows=(0, 1, 2), ax=None, title=None):
    """Draw a few (window, target) pairs: each window as a line, its target as a dot.

    Positions are counted from the first value of the window: a window of ``w`` values
    occupies positions 1..w and its target is drawn at position ``w + horizon``. The
    rows are offset vertically so that they do not overlap.

    Parameters
    ----------
    X : array_like, shape (n, window, 1) or (n, window)
        Windows, as returned by a windowing function.
    y : array_like, shape (n,)
        Targets, one per window.
    horizon : int, default 1
        How many steps after the last value of a window its target lies.
    rows : sequence of int, default (0, 1, 2)
        Which windows to draw.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new (7, 3.5) figure if omitted.
    title : str, optional
        Axes title.

    Returns
    -------
    matplotlib.axes.Axes

    Used in: lab 06 (section "A real series: monthly sunspot numbers", exercise ``make_windows``).
    """
    X = np.asarray(X, dtype=float)
    if X.ndim == 3 and X.shape[2] == 1:
        X = X[..., 0]
    if X.ndim != 2 or X.shape[0] == 0 or X.shape[1] == 0:
        raise ValueError(f"X must have shape (n, window, 1) or (n, window), got {np.shape(X)}")
    y = _validate.vector(y, "y", n=X.shape[0])
    horizon = _validate.int_at_least(horizon, "horizon", 1)
    rows = [int(r) for r in rows]
    if not rows or any(not 0 <= r < X.shape[0] for r in rows):
        raise ValueError(f"rows must be indices between 0 and {X.shape[0] - 1}, got {rows}")
    ax = new_axes(ax, (7, 3.5))
    window = X.shape[1]
    span = max(float(np.ptp(X[rows])), float(np.ptp(y[rows])), 1e-9)
    for k, r in enumerate(rows):
        shift = -1.3 * span * k
        line, = ax.plot(np.arange(1, window + 1), X[r] + shift, marker="o", markersize=3,
                        label=f"window {r}")
        ax.plot([window + horizon], [y[r] + shift], marker="*", markersize=13,
                color=line.get_color(), linestyle="none")
        if horizon > 1:
            ax.plot([window, window + horizon], [X[r, -1] + shift, y[r] + shift], ":",
                    color=line.get_color())
    ax.axvline(window + 0.5, color="0.6", linewidth=0.8)
    ax.set_xlabel("position (1 = first value of the window); star = target")
    ax.set_yticks([])
    ax.legend(fontsize="small", loc="upper left")
    if title is not None:
        ax.set_title(str(title))
    return ax


def plot_hidden_states(H, *, ax=None, title="Hidden state over time", labels=None):
    """Plot each hidden unit's value over the time steps of one sequence.

    Parameters
    ----------
    H : array_like, shape (T, u)
        Hidden states of one sequence, one row per step.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new (7, 3) figure if omitted.
    title : str, optional
        Axes title.
    labels : sequence of str, optional
        Tick labels for the time steps (words of a sentence, say), T of them.

    Returns
    -------
    matplotlib.axes.Axes

    Used in: lab 06 (section "The recurrent unit and unrolling", exercise ``rnn_forward``).
    """
    H = _validate.matrix(H, "H")
    T, u = H.shape
    ax = new_axes(ax, (7, 3))
    steps = np.arange(1, T + 1)
    for j in range(u):
        ax.plot(steps, H[:, j], marker="o", markersize=3, label=f"unit {j + 1}")
    ax.set_ylim(-1.05, 1.05)
    ax.axhline(0, color="0.7", linewidth=0.8)
    ax.set_xlabel("time step t")
    ax.set_ylabel("$h_t$")
    if labels is not None:
        if len(labels) != T:
            raise ValueError(f"labels must have one entry per step ({T}), got {len(labels)}")
        ax.set_xticks(steps)
        ax.set_xticklabels([str(s) for s in labels], rotation=30, ha="right")
    if u <= 8:
        ax.legend(fontsize="x-small", ncol=min(u, 4), loc="lower right")
    if title is not None:
        ax.set_title(str(title))
    return ax


def _runs(curves, logy, name):
    """``curves`` as a dict of name -> 2-D float array (runs, points), or a clear error.

    A 1-D value is one run. Each run is checked like a loss curve (see
    ``_validate.loss_curves``); all runs of one name must have the same length.
    """
    if not isinstance(curves, dict) or not curves:
        raise TypeError(f"{name} must be a non-empty dict mapping a name to its values "
                        "(one row per run)")
    checked = {}
    for key, values in curves.items():
        try:
            arr = np.array(values, dtype=float)
        except (TypeError, ValueError):
            raise TypeError(f"{name}[{key!r}] must be numbers: one run, or one row per run "
                            "of equal length") from None
        if arr.ndim == 1:
            arr = arr[None, :]
        if arr.ndim != 2 or arr.shape[0] == 0:
            raise ValueError(f"{name}[{key!r}] must be 1-D (one run) or 2-D (runs, points), "
                             f"got shape {arr.shape}")
        rows = [_validate.loss_curves({key: row}, logy, name=name)[str(key)] for row in arr]
        checked[str(key)] = np.array(rows)
    return checked


def _draw_runs(ax, checked, x0, **style):
    """One colour per name, one line per run; only the first run of a name is labelled."""
    for k, (name, rows) in enumerate(checked.items()):
        colour = f"C{k % 10}"
        x = np.arange(x0, x0 + rows.shape[1])
        thin = rows.shape[0] > 1
        for r, row in enumerate(rows):
            ax.plot(x, row, color=colour, label=name if r == 0 else None,
                    linewidth=1.0 if thin else 1.5, alpha=0.8 if thin else 1.0, **style)


def plot_gradient_norms_over_time(norms, *, ax=None,
                                  title="How much the last output depends on each input",
                                  legend_loc="best"):
    """Plot, per model, the gradient norm of a loss with respect to the input at each step.

    Parameters
    ----------
    norms : dict of str to array_like
        Model name -> one positive gradient norm per time step (step 1 first), or a 2-D
        array with one such row per run (for example per random seed): the rows of one
        model are drawn in one colour.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new (7, 3.5) figure if omitted.
    title : str, optional
        Axes title.
    legend_loc : str or pair of float, default "best"
        Where the legend goes (matplotlib's ``loc``).

    Returns
    -------
    matplotlib.axes.Axes
        Logarithmic vertical axis: a straight falling line is exponential decay.

    Used in: lab 06 (section "Vanishing and exploding gradients").
    """
    checked = _runs(norms, True, "norms")
    ax = new_axes(ax, (7, 3.5))
    _draw_runs(ax, checked, 1, marker="o", markersize=2.5)
    ax.set_yscale("log")
    ax.set_xlabel("time step t of the input")
    ax.set_ylabel("gradient norm (log scale)")
    ax.legend(fontsize="small", loc=legend_loc)
    if title is not None:
        ax.set_title(str(title))
    return ax


def plot_runs_over_seeds(curves, *, ax=None, logy=False, xlabel="epoch", ylabel="loss",
                         title=None, reference=None):
    """Draw the training curves of several models, each trained from several random seeds.

    Parameters
    ----------
    curves : dict of str to array_like
        Model name -> values per epoch, one row per run (2-D, runs x epochs) or a single
        run (1-D). The runs of one model share a colour and one legend entry, so that
        the spread between seeds is seen next to the differences between models.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new (7, 3.5) figure if omitted.
    logy : bool, default False
        Logarithmic vertical axis (the values must then be positive).
    xlabel, ylabel, title : str, optional
        Labels. Epochs are numbered from 1.
    reference : (float, str), optional
        A level to draw as a dashed grey line, with its label (for example the loss of
        always predicting the mean).

    Returns
    -------
    matplotlib.axes.Axes

    Used in: lab 06 (section "A long-memory task: the adding problem").
    """
    checked = _runs(curves, logy, "curves")
    ax = new_axes(ax, (7, 3.5))
    _draw_runs(ax, checked, 1)
    if reference is not None:
        try:
            level, text = reference
            level = float(level)
        except (TypeError, ValueError):
            raise TypeError("reference must be a pair (level, label)") from None
        if not np.isfinite(level) or (logy and level <= 0):
            raise ValueError(f"reference level {level} cannot be drawn on this axis")
        ax.axhline(level, color="0.5", linestyle="--", linewidth=1)
        ax.text(1, level * (1.1 if logy else 1.0), str(text), fontsize=8, color="0.4",
                va="bottom")
    if logy:
        ax.set_yscale("log")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.legend(fontsize="small")
    if title is not None:
        ax.set_title(str(title), fontsize="medium")
    return ax


def plot_gate_trace(trace, tokens, *, unit=0, upto=None, ax=None, title=None):
    """Draw one LSTM unit's gates and cell state over a sequence, step by step.

    Parameters
    ----------
    trace : dict of str to array, each of shape (T, u)
        At least the keys ``"input"``, ``"forget"``, ``"output"`` and ``"cell"``; more
        keys (``"candidate"``, ``"hidden"``) are drawn too.
    tokens : sequence of str
        One label per step (the words of the sentence).
    unit : int, default 0
        Which unit to draw.
    upto : int, optional
        Draw only steps 1..upto (for stepping through a sequence); all by default.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new (8, 3.5) figure if omitted.
    title : str, optional
        Axes title.

    Returns
    -------
    matplotlib.axes.Axes
        The axis limits depend only on the whole trace (every step of every unit), so
        stepping through a sequence or changing unit does not move the axes: at least
        [-1.6, 1.2] (gates lie in [0, 1], the candidate and the hidden state in [-1, 1]),
        wider when the cell state, which is unbounded, goes beyond [-1, 1]. Room is left
        under the curves for the legend.

    Used in: lab 06 (section "The walk-through" and its explorer).
    """
    if not isinstance(trace, dict) or not {"input", "forget", "output", "cell"} <= set(trace):
        raise ValueError("trace must be a dict with at least the keys 'input', 'forget', "
                         "'output' and 'cell'")
    arrays = {k: _validate.matrix(v, f"trace[{k!r}]") for k, v in trace.items()}
    T, u = arrays["cell"].shape
    for k, v in arrays.items():
        if v.shape != (T, u):
            raise ValueError(f"trace[{k!r}] has shape {v.shape}; all entries need shape {(T, u)}")
    tokens = [str(t) for t in tokens]
    if len(tokens) != T:
        raise ValueError(f"tokens must have one entry per step ({T}), got {len(tokens)}")
    if isinstance(unit, bool) or not isinstance(unit, (int, np.integer)) or not 0 <= unit < u:
        raise ValueError(f"unit must be an int between 0 and {u - 1}, got {unit!r}")
    upto = T if upto is None else int(upto)
    if not 1 <= upto <= T:
        raise ValueError(f"upto must be between 1 and {T}, got {upto}")
    ax = new_axes(ax, (8, 3.5))
    styles = {"forget": ("tab:blue", "s"), "input": ("tab:orange", "^"),
              "output": ("tab:green", "o"), "candidate": ("tab:purple", "v"),
              "cell": ("black", "D"), "hidden": ("tab:red", "x")}
    steps = np.arange(1, upto + 1)
    for key in ["forget", "input", "candidate", "output", "cell", "hidden"]:
        if key in arrays:
            colour, marker = styles[key]
            width = 2.5 if key == "cell" else 1.3
            ax.plot(steps, arrays[key][:upto, unit], color=colour, marker=marker, markersize=5,
                    linewidth=width, label=key + (" gate" if key in ("forget", "input", "output") else ""))
    ax.set_xlim(0.5, T + 0.5)
    drawn = np.concatenate([arrays[k].ravel() for k in styles if k in arrays])
    lo, hi = min(-1.0, float(drawn.min())), max(1.0, float(drawn.max()))
    ax.set_ylim(lo - 0.3 * (hi - lo), hi + 0.1 * (hi - lo))
    ax.axhline(0, color="0.8", linewidth=0.8)
    ax.set_xticks(np.arange(1, T + 1))
    ax.set_xticklabels(tokens, rotation=30, ha="right")
    ax.legend(fontsize="x-small", ncol=3, loc="lower left")
    if title is not None:
        ax.set_title(str(title))
    return ax


def plot_forecasts(t, actual, predictions, *, ax=None, title="Held-out tail: forecasts",
                   ylabel="value"):
    """Plot a series' held-out tail and one or more forecasts of it.

    Parameters
    ----------
    t : array_like, shape (m,)
        Time of each value (years, say).
    actual : array_like, shape (m,)
        The true values.
    predictions : dict of str to array_like of shape (m,)
        Model name -> its forecast of each value.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new (10, 3.5) figure if omitted.
    title, ylabel : str, optional
        Labels.

    Returns
    -------
    matplotlib.axes.Axes

    Used in: lab 06 (section "A real series: monthly sunspot numbers").
    """
    t = _validate.vector(t, "t")
    actual = _validate.vector(actual, "actual", n=t.size)
    if not isinstance(predictions, dict) or not predictions:
        raise TypeError("predictions must be a non-empty dict mapping a model name to its forecast")
    checked = {str(k): _validate.vector(np.ravel(v), f"predictions[{k!r}]", n=t.size)
               for k, v in predictions.items()}
    ax = new_axes(ax, (10, 3.5))
    ax.plot(t, actual, color="black", linewidth=2.2, alpha=0.45, label="actual")
    for name, pred in checked.items():
        ax.plot(t, pred, linewidth=1.1, label=name)
    ax.set_xlabel("time")
    ax.set_ylabel(ylabel)
    ax.legend(fontsize="small", ncol=min(len(checked) + 1, 5))
    if title is not None:
        ax.set_title(str(title))
    return ax
