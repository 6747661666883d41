"""The kernel's quiet, reproducible start: call ``quiet_tensorflow()`` before importing it.

Used in: the Setup cell of every lab that imports TensorFlow/Keras, and the course
tooling that runs notebooks.
"""

import os

# TF_CPP_MIN_LOG_LEVEL=1 hides TensorFlow's INFO start-up lines (warnings and errors still
# show). TF_ENABLE_ONEDNN_OPTS=0 turns off oneDNN's reordered float sums: the INFO line it
# prints is logged before the first setting takes effect, and with it off a seeded run
# repeats its numbers. Other machines may still differ a little (instruction sets,
# thread counts), which is why trained results are judged with margins.
TENSORFLOW_ENV = {"TF_CPP_MIN_LOG_LEVEL": "1", "TF_ENABLE_ONEDNN_OPTS": "0"}


def quiet_tensorflow(environ=None):
    """Set TensorFlow's start-up variables unless already set; return what is in force.

    Must run before ``import tensorflow`` (or ``import keras``): TensorFlow reads them once,
    when it loads. Values already set by the user are kept.

    Parameters
    ----------
    environ : MutableMapping, optional
        The environment to change; ``os.environ`` by default.

    Returns
    -------
    dict
        The two variables and the values now in force.
    """
    environ = os.environ if environ is None else environ
    for key, value in TENSORFLOW_ENV.items():
        environ.setdefault(key, value)
    return {key: environ[key] for key in TENSORFLOW_ENV}
