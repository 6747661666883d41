"""ipywidgets explorers for the labs' interactive demos.

``base.picture_explorer`` is the one redraw mechanism (controls, a message line and a
PNG picture); every explorer only declares its controls and a draw function. Each takes
the data and the learner's own functions as arguments; callbacks redraw, never train.
"""

from nblib.widgets.base import PictureWidget, picture_explorer
from nblib.widgets.activations import activation_explorer
from nblib.widgets.classifiers import perceptron_playground
from nblib.widgets.fitting import line_explorer
from nblib.widgets.training import mlp_lr_explorer

__all__ = [
    "PictureWidget", "activation_explorer", "line_explorer", "mlp_lr_explorer",
    "perceptron_playground", "picture_explorer",
]
