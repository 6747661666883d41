"""Activation functions and their derivatives, with the tangent at a chosen input."""

import ipywidgets as widgets
import numpy as np
from matplotlib.figure import Figure

from nblib import _validate
from nblib.widgets.base import call_learner, picture_explorer


def activation_explorer(functions, derivatives, *, z=1.0, z_range=(-5.0, 5.0), step=0.1):
    """A dropdown of activation functions and a slider for the input z.

    Each redraw shows the chosen function, its derivative (dashed), the point
    ``(z, f(z))`` and the tangent line there, whose slope is ``f'(z)``. The functions
    are the learner's own, passed in as callables; if one is still the unimplemented
    stub the widget says so instead of failing.

    Parameters
    ----------
    functions : dict of str to callable
        Name -> ``f(z)``, elementwise on numpy arrays.
    derivatives : dict of str to callable
        Name -> ``f'(z)``; must have the same names as ``functions``.
    z : float, default 1.0
        Initial position of the slider.
    z_range : pair of float, default (-5.0, 5.0)
        Range of the slider and of the plot.
    step : float, default 0.1
        Slider step.

    Returns
    -------
    PictureWidget
        Display it with ``display(...)``.

    Used in: lab 03 (section "Activation functions": the explorer).
    """

    functions = _validate.callables(functions, "functions")
    derivatives = _validate.callables(derivatives, "derivatives")
    if set(functions) != set(derivatives):
        raise ValueError("functions and derivatives must have the same names, got "
                         f"{sorted(functions)} and {sorted(derivatives)}")
    try:
        lo, hi = (float(v) for v in z_range)
        step = float(step)
        z0 = float(z)
    except (TypeError, ValueError):
        raise TypeError("z and step must be numbers and z_range a pair of numbers") from None
    if not (np.isfinite(lo) and np.isfinite(hi) and lo < hi):
        raise ValueError(f"z_range must satisfy low < high, got {z_range!r}")
    if not 0 < step <= hi - lo:
        raise ValueError(f"step must be positive and at most the slider range, got {step!r}")
    if not lo <= z0 <= hi:
        raise ValueError(f"z = {z0} lies outside z_range {z_range!r}")
    grid = np.linspace(lo, hi, 401)

    def draw(name, z):
        f, df = functions[name], derivatives[name]
        fz = np.asarray(call_learner(f, grid), dtype=float)
        dfz = np.asarray(call_learner(df, grid), dtype=float)
        at = np.array([z])
        value = float(np.asarray(call_learner(f, at), dtype=float).reshape(-1)[0])
        slope = float(np.asarray(call_learner(df, at), dtype=float).reshape(-1)[0])
        fig = Figure(figsize=(6, 3.6))
        ax = fig.subplots()
        ax.axhline(0, color="0.8", linewidth=0.8)
        ax.axvline(0, color="0.8", linewidth=0.8)
        ax.plot(grid, fz, label=f"{name}(z)")
        ax.plot(grid, dfz, "--", label="derivative")
        # Fixed limits for a function (from its curves only, not from z), and the tangent
        # clipped to them: nothing moves but the point and the tangent as z changes.
        ylim = _value_limits(fz, dfz)
        ax.plot(*_tangent_segment(z, value, slope, 0.15 * (hi - lo), (lo, hi), ylim), color="k",
                linewidth=1, label="tangent")
        ax.plot([z], [value], "o", color="k")
        ax.set_xlim(lo, hi)
        ax.set_ylim(*ylim)
        ax.set_title(f"{name}: f({z:.2f}) = {value:.4f}, f'({z:.2f}) = {slope:.4f}", fontsize="medium")
        ax.set_xlabel("z")
        ax.legend(fontsize="small", loc="upper left")
        fig.tight_layout()
        return fig

    names = list(functions)
    return picture_explorer(
        draw,
        name=widgets.Dropdown(options=names, value=names[0], description="function"),
        z=widgets.FloatSlider(value=z0, min=lo, max=hi, step=step,
                              description="z", continuous_update=False, readout_format=".2f"),
    )


def _value_limits(*curves):
    """Vertical limits showing every finite value of the curves, with a 10% margin."""
    values = np.concatenate([np.ravel(c) for c in curves])
    values = values[np.isfinite(values)]
    if values.size == 0:
        return -1.0, 1.0
    low, high = float(values.min()), float(values.max())
    pad = 0.1 * (high - low) if high > low else 1.0
    return low - pad, high + pad


def _tangent_segment(z, value, slope, half, xlim, ylim):
    """The tangent's x and y end points, at most ``half`` either side of z, inside the limits.

    The segment is ``value + slope * t`` for ``z + t``, t in [-half, half], cut where it
    leaves the box ``xlim`` x ``ylim``; an empty pair of lists if nothing is inside.
    """
    t_lo, t_hi = max(-half, xlim[0] - z), min(half, xlim[1] - z)
    if slope != 0:
        ends = sorted(((ylim[0] - value) / slope, (ylim[1] - value) / slope))
        t_lo, t_hi = max(t_lo, ends[0]), min(t_hi, ends[1])
    elif not ylim[0] <= value <= ylim[1]:
        return [], []
    if not (np.isfinite(t_lo) and np.isfinite(t_hi)) or t_lo > t_hi:
        return [], []
    return [z + t_lo, z + t_hi], [value + slope * t_lo, value + slope * t_hi]
