"""ipywidgets explorers for the labs' interactive demos.

``base.picture_explorer`` is the one redraw mechanism (controls, a message line and a
PNG picture); every explorer only declares its controls and a draw function. Each takes
the data and the learner's own functions as arguments; callbacks redraw, never train.
"""

from nblib.widgets.activations import activation_explorer
from nblib.widgets.anomaly import threshold_dashboard, transaction_form
from nblib.widgets.base import PictureWidget, picture_explorer
from nblib.widgets.classifiers import perceptron_playground
from nblib.widgets.fitting import line_explorer
from nblib.widgets.images import PRESET_KERNELS, kernel_explorer, parse_kernel
from nblib.widgets.regularisation import regularisation_explorer
from nblib.widgets.sequences import lstm_gate_explorer, lstm_gate_trace
from nblib.widgets.training import mlp_lr_explorer

__all__ = [
    "PRESET_KERNELS",
    "PictureWidget",
    "activation_explorer",
    "kernel_explorer",
    "line_explorer",
    "lstm_gate_explorer",
    "lstm_gate_trace",
    "mlp_lr_explorer",
    "parse_kernel",
    "perceptron_playground",
    "picture_explorer",
    "regularisation_explorer",
    "threshold_dashboard",
    "transaction_form",
]
