"""Looking inside an LSTM: its gates read out of a learner's ``lstm_step``, and an explorer.

``lstm_gate_trace`` never computes an LSTM itself: it calls the ``lstm_step`` it is given
with probing inputs (zero or unit memory, a gate's bias pushed far up so that it is fully
open) and reads each gate off the results. ``lstm_gate_explorer`` steps through a trace
word by word with ``nblib.widgets.base.picture_explorer``.
"""

import ipywidgets as widgets
import numpy as np
from matplotlib.figure import Figure

from nblib import _validate
from nblib.plots.sequences import plot_gate_trace
from nblib.widgets.base import picture_explorer

_OPEN = 1e3  # added to a gate's bias: sigmoid and tanh are then exactly 1 in float64


def lstm_gate_trace(lstm_step, X, kernel, recurrent_kernel, bias, h0=None, c0=None):
    """Run ``lstm_step`` over one sequence and read out every gate at every step.

    At each step, with the real previous states, the step is called four extra times:
    with the previous memory set to 0 and to 1 (the difference of the two new memories
    is the forget gate), with the candidate's bias pushed up (the new memory is then the
    input gate), with the input gate's bias pushed up (it is then the candidate), and
    with both pushed up (the new hidden state is then the output gate times tanh(1)).
    The weights use Keras's layout: gate order input, forget, candidate, output.

    Parameters
    ----------
    lstm_step : callable
        ``lstm_step(x_t, h_prev, c_prev, kernel, recurrent_kernel, bias) -> (h_t, c_t)``.
    X : array_like, shape (T, d)
        One sequence.
    kernel, recurrent_kernel, bias : array_like
        Shapes (d, 4u), (u, 4u), (4u,).
    h0, c0 : array_like, shape (u,), optional
        Initial states; zeros by default.

    Returns
    -------
    dict of str to ndarray of shape (T, u)
        Keys ``"input"``, ``"forget"``, ``"candidate"``, ``"output"``, ``"cell"``,
        ``"hidden"``.

    Used in: lab 06 (section "The walk-through").
    """
    if not callable(lstm_step):
        raise TypeError("lstm_step must be a function (x_t, h_prev, c_prev, kernel, recurrent_kernel, bias)")
    X = _validate.matrix(X, "X")
    kernel = _validate.matrix(kernel, "kernel")
    if kernel.shape[0] != X.shape[1] or kernel.shape[1] % 4:
        raise ValueError(f"kernel must have shape (d, 4u) with d = {X.shape[1]}, got {kernel.shape}")
    u = kernel.shape[1] // 4
    recurrent_kernel = _validate.matrix(recurrent_kernel, "recurrent_kernel", n_columns=4 * u)
    if recurrent_kernel.shape[0] != u:
        raise ValueError(f"recurrent_kernel must have shape {(u, 4 * u)}, got {recurrent_kernel.shape}")
    bias = _validate.vector(bias, "bias", n=4 * u)
    h = np.zeros((1, u)) if h0 is None else _validate.vector(h0, "h0", n=u)[None, :]
    c = np.zeros((1, u)) if c0 is None else _validate.vector(c0, "c0", n=u)[None, :]
    open_candidate, open_input = bias.copy(), bias.copy()
    open_candidate[2 * u:3 * u] += _OPEN
    open_input[:u] += _OPEN
    open_both = open_candidate.copy()
    open_both[:u] += _OPEN
    zeros, ones = np.zeros((1, u)), np.ones((1, u))

    def run(x, c_prev, b):
        out = lstm_step(x, h, c_prev, kernel, recurrent_kernel, b)
        if not isinstance(out, (tuple, list)) or len(out) != 2:
            raise ValueError("lstm_step must return the tuple (h_t, c_t)")
        return np.asarray(out[0], dtype=float).reshape(1, u), np.asarray(out[1], dtype=float).reshape(1, u)

    trace = {k: [] for k in ("input", "forget", "candidate", "output", "cell", "hidden")}
    for x in X:
        x = x[None, :]
        h_new, c_new = run(x, c, bias)
        trace["forget"].append(run(x, ones, bias)[1] - run(x, zeros, bias)[1])
        trace["input"].append(run(x, zeros, open_candidate)[1])
        trace["candidate"].append(run(x, zeros, open_input)[1])
        trace["output"].append(run(x, zeros, open_both)[0] / np.tanh(1.0))
        trace["cell"].append(c_new)
        trace["hidden"].append(h_new)
        h, c = h_new, c_new
    return {k: np.concatenate(v, axis=0) for k, v in trace.items()}


def lstm_gate_explorer(trace, tokens, *, unit_names=None):
    """Step through a sequence and watch one LSTM unit's gates and cell state change.

    Parameters
    ----------
    trace : dict of str to ndarray of shape (T, u)
        As returned by :func:`lstm_gate_trace`.
    tokens : sequence of str
        One label per step (the words).
    unit_names : sequence of str, optional
        A name per unit for the unit selector; "unit 1", "unit 2", ... by default.

    Returns
    -------
    nblib.widgets.base.PictureWidget
        A slider for the step, buttons for the unit, and the picture (fixed axes).

    Used in: lab 06 (section "The walk-through").
    """
    if not isinstance(trace, dict) or "cell" not in trace:
        raise ValueError("trace must be the dict returned by lstm_gate_trace")
    T, u = np.shape(trace["cell"])
    tokens = [str(t) for t in tokens]
    if len(tokens) != T:
        raise ValueError(f"tokens must have one entry per step ({T}), got {len(tokens)}")
    names = [f"unit {j + 1}" for j in range(u)] if unit_names is None else [str(s) for s in unit_names]
    if len(names) != u:
        raise ValueError(f"unit_names must have {u} entries, got {len(names)}")

    def draw(step, unit):
        fig = Figure(figsize=(8, 3.6))
        ax = fig.subplots()
        plot_gate_trace(trace, tokens, unit=unit, upto=step, ax=ax,
                        title=f"{names[unit]}, after reading {tokens[step - 1]!r}")
        fig.tight_layout()
        return fig

    return picture_explorer(
        draw,
        step=widgets.IntSlider(value=min(2, T), min=1, max=T, description="word"),
        unit=widgets.ToggleButtons(options=[(name, j) for j, name in enumerate(names)], description="unit"),
    )
