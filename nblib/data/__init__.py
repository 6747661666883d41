"""Data sets that ship offline, and their splits.

By topic: ``tabular`` (scikit-learn's bundled tables and generated 2-D sets), ``images``
(the bundled digits as images, shifts, the sample photographs), ``series`` (generated
sequence tasks and the monthly sunspot numbers in ``data/``), ``text`` (movie-review
snippets in ``data/`` and their integer encoding) and ``transactions`` (a seeded
generator of card transactions with labelled fraud). Nothing is downloaded;
every function takes a ``seed`` where randomness is involved.
"""

from nblib.data.images import ImageSplit, Photo, load_digit_images, load_photo, shift_images
from nblib.data.series import adding_problem, future_context_task, load_sunspots
from nblib.data.tabular import (
    DataSplit,
    load_classification_data,
    load_regression_data,
    moons_train_test,
)
from nblib.data.text import build_vocabulary, encode, load_movie_snippets, tokenize
from nblib.data.transactions import (
    CustomerProfiles,
    Transactions,
    customer_profiles,
    make_transactions,
    single_transaction,
    split_by_time,
    transaction_features,
)

__all__ = [
    "CustomerProfiles",
    "DataSplit",
    "ImageSplit",
    "Photo",
    "Transactions",
    "adding_problem",
    "build_vocabulary",
    "customer_profiles",
    "encode",
    "future_context_task",
    "load_classification_data",
    "load_digit_images",
    "load_movie_snippets",
    "load_photo",
    "load_regression_data",
    "load_sunspots",
    "make_transactions",
    "moons_train_test",
    "shift_images",
    "single_transaction",
    "split_by_time",
    "tokenize",
    "transaction_features",
]
