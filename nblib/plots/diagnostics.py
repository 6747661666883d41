"""Training diagnostics: gradient norms per layer, weight values, train/validation curves.

Pure drawing functions: each takes the numbers already computed (in the notebook, with
the learner's own functions) and returns the Axes it drew on.
"""

import numpy as np
from matplotlib.ticker import MaxNLocator

from nblib import _validate
from nblib.plots._axes import new_axes
from nblib.plots.curves import draw_marked_curves


def plot_gradient_norms(norms, *, ax=None, title="Gradient norm per layer at initialisation"):
    """Draw, for one or more networks, the gradient norm of each layer's weights.

    Layers are numbered from the input (1) to the output; the vertical axis is
    logarithmic, so a gradient that shrinks by a constant factor per layer shows as a
    straight line going down towards the input.

    Parameters
    ----------
    norms : dict of str to sequence of float
        Run name -> one positive norm per layer (input layer first).
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new (6, 3.5) figure if omitted.
    title : str, optional
        Axes title.

    Returns
    -------
    matplotlib.axes.Axes

    Used in: lab 04 (section "Vanishing and exploding gradients").
    """
    checked = _validate.loss_curves(norms, logy=True)
    return draw_marked_curves(checked, ax=ax, xlabel="layer (1 = next to the input)",
                              ylabel="norm of dLoss/dW", title=title, logy=True)


def plot_weight_values(weights, *, ax=None, zero_tol=1e-6, title="Learned weights"):
    """Draw the weights (coefficients) of several models side by side as stems.

    Each model gets its own horizontal band of stems; the legend counts the weights
    whose absolute value is below ``zero_tol`` (exact zeros, as L1 produces).

    Parameters
    ----------
    weights : dict of str to sequence of float
        Model name -> its weights (1-D, all models the same length).
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new (8, 3.5) figure if omitted.
    zero_tol : float, default 1e-6
        Absolute values below this count as zero.
    title : str, optional
        Axes title.

    Returns
    -------
    matplotlib.axes.Axes

    Used in: lab 04 (section "Penalties on the weights: L2, L1 and elastic net").
    """
    checked = _validate.loss_curves(weights, logy=False)
    sizes = {arr.size for arr in checked.values()}
    if len(sizes) != 1:
        raise ValueError(f"every model must have the same number of weights, got sizes {sorted(sizes)}")
    if any(np.any(np.isnan(arr)) for arr in checked.values()):
        raise ValueError("weights must be finite")
    if isinstance(zero_tol, bool) or not isinstance(zero_tol, (int, float)) or not zero_tol >= 0:
        raise ValueError(f"zero_tol must be a number >= 0, got {zero_tol!r}")
    ax = new_axes(ax, (8, 3.5))
    n = sizes.pop()
    k = len(checked)
    width = 0.8 / k
    index = np.arange(n)
    for i, (name, arr) in enumerate(checked.items()):
        x = index - 0.4 + width * (i + 0.5)
        zeros = int(np.sum(np.abs(arr) < zero_tol))
        ax.bar(x, arr, width=width, label=f"{name} ({zeros} of {n} zero)")
    ax.axhline(0, color="black", linewidth=0.8)
    ax.set_xlabel("feature index")
    ax.set_ylabel("weight")
    if title is not None:
        ax.set_title(str(title))
    ax.legend(fontsize="small")
    return ax


def plot_size_curves(sizes, train_errors, val_errors, *, ax=None, xlabel="model size",
                     ylabel="error", logy=False, title="Training and validation error vs model size"):
    """Draw training and validation error against model size, marking the best size.

    The classic picture of under- and overfitting: on the left both errors are high
    (too simple), on the right the training error keeps falling while the validation
    error rises again (too flexible).

    Parameters
    ----------
    sizes : sequence of float
        Model sizes (polynomial degree, hidden units, ...), increasing.
    train_errors, val_errors : sequence of float
        One error per size.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new (6, 3.5) figure if omitted.
    xlabel, ylabel, title : str, optional
        Labels.
    logy : bool, default False
        Logarithmic error axis (errors must then be positive).

    Returns
    -------
    matplotlib.axes.Axes

    Used in: lab 04 (section "Underfitting and overfitting").
    """
    sizes = _validate.vector(sizes, "sizes")
    if np.any(np.diff(sizes) <= 0):
        raise ValueError("sizes must be strictly increasing")
    train = _validate.vector(train_errors, "train_errors", sizes.size)
    val = _validate.vector(val_errors, "val_errors", sizes.size)
    if logy and (np.any(train <= 0) or np.any(val <= 0)):
        raise ValueError("errors must be positive on a log axis")
    ax = new_axes(ax, (6, 3.5))
    ax.plot(sizes, train, marker="o", label="training")
    ax.plot(sizes, val, marker="s", label="validation")
    best = int(np.argmin(val))
    ax.axvline(sizes[best], color="grey", linestyle=":", label=f"lowest validation error ({sizes[best]:g})")
    if logy:
        ax.set_yscale("log")
    ax.set_xlabel(str(xlabel))
    ax.set_ylabel(str(ylabel))
    if title is not None:
        ax.set_title(str(title))
    ax.legend(fontsize="small")
    return ax


def plot_train_val_curves(train_losses, val_losses, *, ax=None, marks=None, ylim=None,
                          title="Training and validation loss", ylabel="loss", legend_loc="best"):
    """Draw a training and a validation curve over epochs, with optional marked epochs.

    Parameters
    ----------
    train_losses, val_losses : sequence of float
        One loss per epoch (epoch 0 first); the two may differ in length.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new (6, 3.5) figure if omitted.
    marks : dict of str to int, optional
        Label -> 0-based epoch to mark with a vertical line (e.g. the best epoch and
        the epoch where early stopping stops).
    ylim : pair of float, optional
        Fixed vertical limits (widgets use them so the axes do not jump).
    title, ylabel : str, optional
        Labels.
    legend_loc : str or pair of float, default "best"
        Where the legend goes (matplotlib's ``loc``). Widgets pass a fixed place so
        that the legend does not jump while a control moves.

    Returns
    -------
    matplotlib.axes.Axes

    Used in: lab 04 (sections "Underfitting and overfitting", "Early stopping", the explorer).
    """
    train = _validate.vector(train_losses, "train_losses")
    val = _validate.vector(val_losses, "val_losses")
    marks = {} if marks is None else marks
    if not isinstance(marks, dict):
        raise TypeError("marks must be a dict mapping a label to an epoch index")
    n = max(train.size, val.size)
    for label, epoch in marks.items():
        if isinstance(epoch, bool) or not isinstance(epoch, (int, np.integer)) or not 0 <= epoch < n:
            raise ValueError(f"marks[{label!r}] must be an epoch index between 0 and {n - 1}, got {epoch!r}")
    if ylim is not None:
        ylim = _validate.value_range(ylim, None, "ylim")
    ax = new_axes(ax, (6, 3.5))
    ax.plot(np.arange(train.size), train, label="training")
    ax.plot(np.arange(val.size), val, label="validation")
    styles = ["--", ":", "-."]
    for i, (label, epoch) in enumerate(marks.items()):
        ax.axvline(int(epoch), color="black", linestyle=styles[i % len(styles)], linewidth=1,
                   label=f"{label} (epoch {int(epoch)})")
    if ylim is not None:
        ax.set_ylim(*ylim)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("epoch (0-based)")
    ax.set_ylabel(str(ylabel))
    if title is not None:
        ax.set_title(str(title))
    ax.legend(fontsize="small", loc=legend_loc)
    return ax
