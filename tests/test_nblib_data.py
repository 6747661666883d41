"""Unit tests for nblib.data: offline data sets, splits and scaling."""

import numpy as np
import pytest

from nblib.data import DataSplit, load_classification_data, load_regression_data, moons_train_test


def test_regression_data_shapes_names_and_raw_units():
    data = load_regression_data()
    assert isinstance(data, DataSplit)
    assert data.X_train.shape == (331, 10) and data.X_test.shape == (111, 10)
    assert data.y_train.shape == (331,) and data.y_test.shape == (111,)
    assert data.feature_names == ("age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6")
    # Original units, not scikit-learn's pre-scaled version: sex is coded 1/2.
    assert set(np.unique(data.X_train[:, 1])) == {1.0, 2.0}
    all_y = np.concatenate([data.y_train, data.y_test])
    assert all_y.min() == 25 and all_y.max() == 346



def test_regression_data_is_reproducible_and_seed_dependent():
    a, b = load_regression_data(seed=0), load_regression_data(seed=0)
    c = load_regression_data(seed=1)
    assert np.array_equal(a.X_train, b.X_train) and np.array_equal(a.y_test, b.y_test)
    assert not np.array_equal(a.y_train, c.y_train)
    assert load_regression_data(test_size=0.5).X_test.shape == (221, 10)


@pytest.mark.parametrize("kwargs, error", [
    ({"test_size": 0.0}, ValueError),
    ({"test_size": 1.0}, ValueError),
    ({"test_size": "0.25"}, ValueError),
    ({"test_size": True}, ValueError),
    ({"seed": -1}, ValueError),
    ({"seed": 1.5}, TypeError),
    ({"seed": True}, TypeError),
])
def test_regression_data_rejects_bad_arguments(kwargs, error):
    with pytest.raises(error, match="test_size|seed"):
        load_regression_data(**kwargs)



def test_classification_data_flips_labels_so_one_is_malignant():
    data = load_classification_data()
    assert data.X_train.shape == (426, 2) and data.X_test.shape == (143, 2)
    assert data.feature_names == ("worst radius", "worst texture")
    y = np.concatenate([data.y_train, data.y_test])
    assert y.dtype.kind == "i" and set(np.unique(y)) == {0, 1}
    # The data set has 212 malignant and 357 benign tumours.
    assert int(y.sum()) == 212
    # Stratified: the same share of malignant tumours in both parts.
    assert abs(data.y_train.mean() - data.y_test.mean()) < 0.01
    # Malignant tumours are larger on average.
    assert data.X_train[data.y_train == 1, 0].mean() > data.X_train[data.y_train == 0, 0].mean()



def test_classification_data_keeps_the_requested_columns_in_order():
    pair = load_classification_data(features=["worst texture", "worst radius"])
    default = load_classification_data()
    assert pair.feature_names == ("worst texture", "worst radius")
    assert np.array_equal(pair.X_train, default.X_train[:, ::-1])
    from sklearn.datasets import load_breast_cancer
    everything = load_classification_data(features=load_breast_cancer().feature_names)
    assert everything.X_train.shape == (426, 30)


@pytest.mark.parametrize("kwargs, error, match", [
    ({"features": "worst radius"}, TypeError, "sequence"),
    ({"features": 3}, TypeError, "sequence"),
    ({"features": ()}, ValueError, "at least one"),
    ({"features": ("worst radius", "tumour colour")}, ValueError, "unknown column"),
    ({"features": ("worst radius", "worst radius")}, ValueError, "repeat"),
    ({"features": ("worst radius", 2)}, TypeError, "strings"),
    ({"test_size": 2}, ValueError, "test_size"),
    ({"seed": "zero"}, TypeError, "seed"),
])
def test_classification_data_rejects_bad_arguments(kwargs, error, match):
    with pytest.raises(error, match=match):
        load_classification_data(**kwargs)



def test_moons_shapes_labels_and_reproducible():
    X_tr, X_te, y_tr, y_te = moons_train_test(400, noise=0.15, test_size=0.25, seed=0)
    assert X_tr.shape == (300, 2) and X_te.shape == (100, 2)
    assert y_tr.shape == (300,) and y_te.shape == (100,)
    assert set(np.unique(y_tr)) == {0, 1} and y_tr.dtype.kind == "i"
    assert np.allclose(X_tr.mean(axis=0), 0, atol=1e-12) and np.allclose(X_tr.std(axis=0), 1)
    again = moons_train_test(400, noise=0.15, test_size=0.25, seed=0)
    assert np.array_equal(again[0], X_tr) and np.array_equal(again[3], y_te)
    # Stratified: both classes equally represented in the test part.
    assert np.sum(y_te == 0) == np.sum(y_te == 1) == 50



def test_moons_without_standardising_keeps_the_raw_coordinates():
    X_tr, _, _, _ = moons_train_test(100, noise=0.0, standardize=False)
    assert X_tr[:, 0].min() >= -1.0 - 1e-12 and X_tr[:, 0].max() <= 2.0 + 1e-12


@pytest.mark.parametrize("kwargs, error", [
    ({"n_samples": 4}, ValueError),
    ({"n_samples": 100.0}, TypeError),
    ({"n_samples": 100, "noise": -0.1}, ValueError),
    ({"n_samples": 100, "test_size": 1.5}, ValueError),
    ({"n_samples": 100, "test_size": 30}, ValueError),
    ({"n_samples": 100, "seed": "0"}, TypeError),
])
def test_moons_rejects_bad_arguments(kwargs, error):
    n = kwargs.pop("n_samples")
    with pytest.raises(error):
        moons_train_test(n, **kwargs)
