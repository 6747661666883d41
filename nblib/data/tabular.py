"""Offline tabular data sets and splits (scikit-learn's bundled and generated sets).
"""

from typing import NamedTuple

import numpy as np

from nblib import _validate


def moons_train_test(n_samples=400, *, noise=0.15, test_size=0.25, seed=0, standardize=True):
    """Two interleaving half-moons, split into a training and a test set.

    Generated with scikit-learn's ``make_moons`` from a fixed seed, so the same call
    gives the same points on every machine. The split is stratified (both classes in
    the same proportion in both parts). With ``standardize``, both parts are scaled
    with the mean and standard deviation of the *training* part only, as a model in
    production would be.

    Parameters
    ----------
    n_samples : int, default 400
        Total number of points (at least 8), split evenly between the two moons.
    noise : float, default 0.15
        Standard deviation of the Gaussian noise added to the points (>= 0).
    test_size : float, default 0.25
        Fraction of the points kept for testing, strictly between 0 and 1.
    seed : int, default 0
        Seed for the points and for the split.
    standardize : bool, default True
        Scale each feature to mean 0 and standard deviation 1 (training statistics).

    Returns
    -------
    X_train, X_test : ndarray of shape (n_train, 2) and (n_test, 2)
    y_train, y_test : ndarray of int, shape (n_train,) and (n_test,), labels 0 and 1

    Raises
    ------
    TypeError, ValueError
        If an argument has the wrong type or an impossible value.

    Used in: lab 03 (the data for training, the mini-batch and learning-rate
    comparisons, scikit-learn and Keras, and the test of ``train_mlp``).
    """
    from sklearn.datasets import make_moons
    from sklearn.model_selection import train_test_split
    from sklearn.preprocessing import StandardScaler

    if isinstance(n_samples, bool) or not isinstance(n_samples, (int, np.integer)):
        raise TypeError(f"n_samples must be an int, got {type(n_samples).__name__}")
    if n_samples < 8:
        raise ValueError(f"n_samples must be at least 8, got {n_samples}")
    if isinstance(noise, bool) or not isinstance(noise, (int, float, np.floating)) or not noise >= 0:
        raise ValueError(f"noise must be a number >= 0, got {noise!r}")
    test_size, seed = _validate.split_args(test_size, seed)
    X, y = make_moons(n_samples=int(n_samples), noise=float(noise), random_state=seed)
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=test_size, random_state=seed, stratify=y)
    if standardize:
        # Statistics of the training part only (lab 04 explains why); scikit-learn's scaler.
        scaler = StandardScaler().fit(X_train)
        X_train, X_test = scaler.transform(X_train), scaler.transform(X_test)
    return X_train, X_test, y_train.astype(int), y_test.astype(int)


class DataSplit(NamedTuple):
    """A dataset split into a training and a test part.

    Fields: ``X_train`` (n_train, d), ``X_test`` (n_test, d), ``y_train`` (n_train,),
    ``y_test`` (n_test,) and ``feature_names`` (a tuple of d strings, the columns of X).

    Used in: lab 01 (sections "The data" and "Logistic regression").
    """

    X_train: np.ndarray
    X_test: np.ndarray
    y_train: np.ndarray
    y_test: np.ndarray
    feature_names: tuple


def load_regression_data(test_size=0.25, seed=0):
    """The diabetes data set in its original units, split into training and test parts.

    442 patients, 10 baseline measurements each (age, sex, body-mass index, average
    blood pressure and six blood serum values s1..s6); the label is a measure of how
    far the disease progressed one year later (a number from 25 to 346). The data ship
    inside scikit-learn (``load_diabetes(scaled=False)``): nothing is downloaded. The
    features are *not* standardised here: scale them with the training part's statistics
    (scikit-learn's ``StandardScaler``).

    Parameters
    ----------
    test_size : float, default 0.25
        Fraction of the patients kept for testing, strictly between 0 and 1.
    seed : int, default 0
        Seed of the random split (the same seed gives the same split everywhere).

    Returns
    -------
    DataSplit
        ``X_train``, ``X_test`` (float arrays), ``y_train``, ``y_test`` (float arrays)
        and ``feature_names``.

    Raises
    ------
    TypeError, ValueError
        If ``test_size`` is not a fraction or ``seed`` not a non-negative int.

    Used in: lab 01 (sections "The data", "Linear regression", "Gradient descent" and
    "One-layer neural networks": the same models in Keras).
    """
    from sklearn.datasets import load_diabetes
    from sklearn.model_selection import train_test_split

    test_size, seed = _validate.split_args(test_size, seed)
    bunch = load_diabetes(scaled=False)
    X_train, X_test, y_train, y_test = train_test_split(
        bunch.data.astype(float), bunch.target.astype(float), test_size=test_size,
        random_state=seed)
    return DataSplit(X_train, X_test, y_train, y_test, tuple(bunch.feature_names))


def load_classification_data(features=("worst radius", "worst texture"), test_size=0.25, seed=0):
    """Chosen columns of the breast-cancer data set, label 1 = malignant, split in two.

    569 tumours described by 30 measurements of their cell nuclei. scikit-learn codes
    malignant as 0 and benign as 1; here the label is flipped so that **1 means
    malignant**, the finding a screening test looks for. The split is stratified (the
    same share of malignant tumours in both parts). The data ship inside scikit-learn
    (``load_breast_cancer``): nothing is downloaded. Features are not standardised here.

    Parameters
    ----------
    features : sequence of str, default ("worst radius", "worst texture")
        Names of the columns to keep, in this order (see
        ``sklearn.datasets.load_breast_cancer().feature_names``); no repeats.
    test_size : float, default 0.25
        Fraction of the tumours kept for testing, strictly between 0 and 1.
    seed : int, default 0
        Seed of the random split.

    Returns
    -------
    DataSplit
        ``X_train``, ``X_test`` (float arrays with one column per feature),
        ``y_train``, ``y_test`` (int arrays of 0/1) and ``feature_names``.

    Raises
    ------
    TypeError, ValueError
        If ``features`` is not a non-empty sequence of known, distinct names, or the
        split arguments are invalid.

    Used in: lab 01 (sections "Logistic regression" and "One-layer neural networks").
    """
    from sklearn.datasets import load_breast_cancer
    from sklearn.model_selection import train_test_split

    test_size, seed = _validate.split_args(test_size, seed)
    if isinstance(features, str) or not hasattr(features, "__iter__"):
        raise TypeError("features must be a sequence of column names, e.g. "
                        f"('worst radius', 'worst texture'), got {features!r}")
    features = tuple(features)
    bunch = load_breast_cancer()
    names = [str(n) for n in bunch.feature_names]
    if not features:
        raise ValueError("features must name at least one column")
    for f in features:
        if not isinstance(f, str):
            raise TypeError(f"features must be column names (strings), got {f!r}")
        if f not in names:
            raise ValueError(f"features: unknown column {f!r}; valid names are {names}")
    if len(set(features)) != len(features):
        raise ValueError(f"features must not repeat a column, got {features}")
    columns = [names.index(f) for f in features]
    y = (bunch.target == 0).astype(int)  # scikit-learn's 0 is malignant
    X_train, X_test, y_train, y_test = train_test_split(
        bunch.data[:, columns].astype(float), y, test_size=test_size, random_state=seed,
        stratify=y)
    return DataSplit(X_train, X_test, y_train, y_test, features)
