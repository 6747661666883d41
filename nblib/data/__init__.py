"""Data sets that ship offline, and their splits.

By topic: ``tabular`` (scikit-learn's bundled tables and generated 2-D sets). Every
loader reads data bundled with an installed package or a small file in ``data/``, so
nothing is downloaded; every function takes a ``seed`` where randomness is involved.
"""

from nblib.data.tabular import (DataSplit, load_classification_data, load_regression_data,
                                moons_train_test)

__all__ = ["DataSplit", "load_classification_data", "load_regression_data", "moons_train_test"]
