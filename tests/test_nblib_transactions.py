"""Unit tests for nblib.data.transactions (lab 07): the simulated card transactions."""

import time

import numpy as np
import pytest

from nblib.data.transactions import (CATEGORIES, FEATURE_NAMES, FRAUD_KINDS, CustomerProfiles,
                                     Transactions, customer_profiles, make_transactions,
                                     single_transaction, split_by_time, transaction_features)


@pytest.fixture(scope="module")
def tx():
    return make_transactions(n_customers=1500, n_days=40, seed=3)


def test_default_size_speed_and_fraud_share():
    start = time.perf_counter()
    t = make_transactions()
    elapsed = time.perf_counter() - start
    assert len(t) > 50_000
    assert elapsed < 5.0  # well under a second on an idle machine; generous for a loaded one
    assert 0.004 < t.is_fraud.mean() < 0.006
    train, val, test = split_by_time(t)
    assert test.is_fraud.sum() > 100


def test_same_seed_same_rows_other_seed_other_rows(tx):
    again = make_transactions(n_customers=1500, n_days=40, seed=3)
    other = make_transactions(n_customers=1500, n_days=40, seed=4)
    np.testing.assert_array_equal(tx.amount, again.amount)
    np.testing.assert_array_equal(tx.kind, again.kind)
    assert len(other) != len(tx) or not np.array_equal(other.amount, tx.amount)


def test_columns_are_consistent(tx):
    n = len(tx)
    for name in ["time_h", "customer", "amount", "hours_since_last", "new_device", "distance_km",
                 "category", "hour", "is_fraud", "kind"]:
        assert getattr(tx, name).shape == (n,), name
    assert np.all(np.diff(tx.time_h) >= 0)
    assert np.all(tx.amount > 0) and np.all(tx.hours_since_last > 0) and np.all(tx.distance_km >= 0)
    assert set(np.unique(tx.new_device)) <= {0, 1}
    assert tx.category.min() >= 0 and tx.category.max() < len(CATEGORIES)
    assert np.all((tx.hour >= 0) & (tx.hour < 24))
    np.testing.assert_array_equal(tx.is_fraud, (tx.kind > 0).astype(int))
    assert set(np.unique(tx.kind)) == set(range(len(FRAUD_KINDS)))


def test_fraud_kinds_look_different(tx):
    normal = tx.kind == 0
    testing = tx.kind == FRAUD_KINDS.index("card testing")
    night = tx.kind == FRAUD_KINDS.index("night far away")
    assert np.median(tx.amount[testing]) < 10 < np.median(tx.amount[normal])
    assert np.median(tx.hours_since_last[testing]) < 1.0 < np.median(tx.hours_since_last[normal])
    assert tx.new_device[testing].mean() > 0.5 > tx.new_device[normal].mean()
    assert np.all(tx.hour[night] < 5.0 + 1e-9)
    assert np.median(tx.distance_km[night]) > 100 * np.median(tx.distance_km[normal])
    # amounts are heavy-tailed: the top percentile is far above the median
    assert np.percentile(tx.amount[normal], 99) > 5 * np.median(tx.amount[normal])


def test_hours_since_last_matches_each_customers_timeline(tx):
    c = tx.customer[len(tx) // 2]
    rows = np.flatnonzero(tx.customer == c)
    np.testing.assert_allclose(tx.hours_since_last[rows[1:]],
                               np.maximum(np.diff(tx.time_h[rows]), 1 / 60), rtol=1e-9)


def test_split_by_time_keeps_order_and_sizes(tx):
    train, val, test = split_by_time(tx, (0.6, 0.2, 0.2))
    assert len(train) + len(val) + len(test) == len(tx)
    assert abs(len(train) - 0.6 * len(tx)) <= 1
    assert train.time_h[-1] <= val.time_h[0] and val.time_h[-1] <= test.time_h[0]


@pytest.mark.parametrize("fractions", [(0.5, 0.5), (0.5, 0.3, 0.3), (0.0, 0.5, 0.5), "abc"])
def test_split_by_time_bad_fractions(tx, fractions):
    with pytest.raises((ValueError, TypeError)):
        split_by_time(tx, fractions)


def test_split_by_time_refuses_other_objects():
    with pytest.raises(TypeError, match="Transactions"):
        split_by_time(np.arange(10))


def test_features_shape_and_meaning(tx):
    train, _, test = split_by_time(tx)
    profiles = customer_profiles(train, 1500)
    assert isinstance(profiles, CustomerProfiles)
    np.testing.assert_allclose(profiles.category_share.sum(axis=1), 1.0)
    X = transaction_features(test, profiles)
    assert X.shape == (len(test), len(FEATURE_NAMES)) and np.all(np.isfinite(X))
    np.testing.assert_allclose(X[:, 0], np.log1p(test.amount))
    np.testing.assert_array_equal(X[:, 8:].argmax(axis=1), test.category)
    np.testing.assert_allclose(X[:, 5] ** 2 + X[:, 6] ** 2, 1.0)


def test_single_transaction_round_trip(tx):
    profiles = customer_profiles(tx, 1500)
    row = single_transaction(5, 12.5, 3.0, True, 2.0, "fuel", 13.5)
    assert isinstance(row, Transactions) and len(row) == 1
    X = transaction_features(row, profiles)
    assert X.shape == (1, len(FEATURE_NAMES))
    assert X[0, 3] == 1.0 and X[0, 8 + CATEGORIES.index("fuel")] == 1.0


@pytest.mark.parametrize("kwargs", [
    dict(amount=-1.0), dict(amount=0.0), dict(hour=24.0), dict(category="casino"),
    dict(distance_km=float("nan")), dict(category=99),
])
def test_single_transaction_bad_input(kwargs):
    args = dict(customer=0, amount=10.0, hours_since_last=1.0, new_device=False, distance_km=1.0,
                category=0, hour=12.0)
    args.update(kwargs)
    with pytest.raises(ValueError):
        single_transaction(**args)


@pytest.mark.parametrize("kwargs, error", [
    (dict(n_customers=5), ValueError), (dict(n_days=1), ValueError), (dict(fraud_share=0.5), ValueError),
    (dict(seed=-1), ValueError), (dict(n_customers=10.5), TypeError), (dict(seed="a"), TypeError),
])
def test_make_transactions_bad_input(kwargs, error):
    with pytest.raises(error):
        make_transactions(**kwargs)


def test_profiles_and_features_bad_input(tx):
    with pytest.raises(ValueError, match="n_customers"):
        customer_profiles(tx, 10)
    with pytest.raises(TypeError):
        transaction_features(tx, {"mean_log_amount": 0})
    with pytest.raises(ValueError):
        transaction_features(tx, customer_profiles(tx.subset(tx.customer < 10), 10))
