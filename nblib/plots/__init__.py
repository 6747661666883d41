"""Plotting helpers: pure functions that draw what they are given and return the Axes
(or Figure).

By kind of picture: ``curves`` (losses over epochs, functions over their input, fitted
lines), ``regions`` (2-D decision regions, boundary lines, probability maps), ``diagrams``
(neurons and networks), ``diagnostics`` (gradient norms, weights, train/validation
curves), ``images`` (image grids, feature maps, filters, the sliding window),
``sequences`` (unrolled RNNs, windows, hidden states, gates, forecasts) and ``anomaly``
(error histograms, precision-recall curves, per-feature errors). Everything public is
re-exported here. Nothing here computes the answer to a graded exercise.
"""

from nblib.plots.anomaly import (
    plot_error_histograms,
    plot_feature_errors,
    plot_image_rows,
    plot_precision_recall,
)
from nblib.plots.curves import (
    draw_marked_curves,
    plot_activation_grid,
    plot_error_curves,
    plot_line_fit,
    plot_loss_comparison,
)
from nblib.plots.diagnostics import (
    plot_gradient_norms,
    plot_size_curves,
    plot_train_val_curves,
    plot_weight_values,
)
from nblib.plots.diagrams import WORKED_EXAMPLE_KEYS, draw_network, draw_neuron, draw_worked_example
from nblib.plots.images import (
    plot_number_grid,
    plot_sliding_window,
    show_feature_maps,
    show_filters,
    show_images,
)
from nblib.plots.regions import plot_boundary_line, plot_decision_regions, plot_probability_map
from nblib.plots.sequences import (
    draw_unrolled_rnn,
    plot_forecasts,
    plot_gate_trace,
    plot_gradient_norms_over_time,
    plot_hidden_states,
    plot_windows,
)

__all__ = [
    "WORKED_EXAMPLE_KEYS",
    "draw_marked_curves",
    "draw_network",
    "draw_neuron",
    "draw_unrolled_rnn",
    "draw_worked_example",
    "plot_activation_grid",
    "plot_boundary_line",
    "plot_decision_regions",
    "plot_error_curves",
    "plot_error_histograms",
    "plot_feature_errors",
    "plot_forecasts",
    "plot_gate_trace",
    "plot_gradient_norms",
    "plot_gradient_norms_over_time",
    "plot_hidden_states",
    "plot_image_rows",
    "plot_line_fit",
    "plot_loss_comparison",
    "plot_number_grid",
    "plot_precision_recall",
    "plot_probability_map",
    "plot_size_curves",
    "plot_sliding_window",
    "plot_train_val_curves",
    "plot_weight_values",
    "plot_windows",
    "show_feature_maps",
    "show_filters",
    "show_images",
]
