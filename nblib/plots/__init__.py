"""Plotting helpers: pure functions that draw what they are given and return the Axes.

By kind of picture: ``curves`` (losses over epochs, functions over their input, fitted
lines) and ``regions`` (2-D decision regions, boundary lines, probability maps).
Everything public is re-exported here, so ``from nblib.plots import plot_decision_regions``
works whichever module holds it. Nothing here computes the answer to a graded exercise.
"""

from nblib.plots.curves import (plot_activation_grid, plot_error_curves, plot_line_fit,
                                plot_loss_comparison)
from nblib.plots.regions import plot_boundary_line, plot_decision_regions, plot_probability_map

__all__ = [
    "plot_activation_grid", "plot_boundary_line", "plot_decision_regions", "plot_error_curves",
    "plot_line_fit", "plot_loss_comparison", "plot_probability_map",
]
