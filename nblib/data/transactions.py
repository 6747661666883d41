"""Simulated card transactions with several kinds of fraud, for the anomaly-detection lab.

Real fraud data sets cannot be fetched offline, and the public ones are either too large
to ship or anonymised beyond recognition (PCA components with no meaning). This module
simulates a bank's card transactions in the spirit of the Fraud Detection Handbook's
simulator (Le Borgne et al., "Reproducible Machine Learning for Credit Card Fraud
Detection - Practical Handbook", 2022): customers with their own habits, a Poisson
number of transactions per customer and day, and fraud scenarios injected on top.

What is simulated
-----------------
Every customer has a profile drawn once: a typical amount (log-normal, so amounts are
heavy-tailed and differ between customers), how often they pay (a Gamma-distributed rate
per day), the hour of day they are usually active, how far from home they usually shop,
and which merchant categories they use (a Dirichlet draw around the population's shares,
so many customers never use some categories). Normal days add travel (all of that day's
payments far from home) and the occasional new device (a new phone, a new browser).

Four kinds of fraud are added (``FRAUD_KINDS``), together ``fraud_share`` of all rows:

* ``card testing``: a stolen card number is tried with a burst of 3 to 6 small online
  payments minutes apart, usually from a new device;
* ``night far away``: one large payment (electronics or travel) thousands of kilometres
  from home, between midnight and 5 am;
* ``unusual category``: a moderately large payment at the merchant category the customer
  uses least, otherwise ordinary (near home, usual hours, usually the known device);
* ``look-alike``: a payment drawn from the customer's own habits with the amount
  multiplied by about 2.5, sometimes from a new device: deliberately hard to catch.

Each row has the features of the lecture's bank example: amount, hours since the
customer's previous transaction, device (known or new), distance from the usual location,
merchant category, and hour of day. ``transaction_features`` turns rows into a numeric
matrix, with two features relative to the customer's own history (amount compared with
their usual amount, how often they use this category), as a bank's features would be.

All functions are pure and seeded: the same arguments give the same rows.
"""

from dataclasses import dataclass, fields

import numpy as np

CATEGORIES = ("groceries", "restaurants", "fuel", "online retail", "electronics", "travel",
              "money transfer")
"""Merchant categories, in the order of the ``category`` codes."""

FRAUD_KINDS = ("normal", "card testing", "night far away", "unusual category", "look-alike")
"""Names of the ``kind`` codes: 0 is a normal transaction, 1 to 4 the kinds of fraud."""

# Population share of each category and its typical amount relative to the customer's
# usual amount (log scale): a flight costs more than a coffee.
_CATEGORY_SHARE = np.array([0.30, 0.22, 0.12, 0.20, 0.06, 0.06, 0.04])
_CATEGORY_LOG_OFFSET = np.array([0.0, -0.3, 0.3, 0.2, 1.2, 1.5, 0.9])
# Share of the fraud rows per kind (card testing, night far away, unusual category, look-alike).
_KIND_SHARE = np.array([0.35, 0.25, 0.20, 0.20])

FEATURE_NAMES = ("log amount", "amount vs usual", "log hours since last", "new device",
                 "log distance km", "hour sin", "hour cos", "category share") + tuple(
                     f"cat: {c}" for c in CATEGORIES)
"""Column names of the matrix returned by :func:`transaction_features`."""


@dataclass(frozen=True)
class Transactions:
    """Card transactions, one entry per row in every array, ordered by time.

    Attributes
    ----------
    time_h : ndarray of float, shape (n,)
        Hours since the start of the simulated period.
    customer : ndarray of int, shape (n,)
        Customer id (0 to n_customers - 1).
    amount : ndarray of float, shape (n,)
        Amount in euros (rounded to cents).
    hours_since_last : ndarray of float, shape (n,)
        Hours since the same customer's previous transaction.
    new_device : ndarray of int, shape (n,)
        1 if paid from a device the customer has not used before, else 0.
    distance_km : ndarray of float, shape (n,)
        Distance from the customer's usual location, in km.
    category : ndarray of int, shape (n,)
        Merchant category, an index into ``CATEGORIES``.
    hour : ndarray of float, shape (n,)
        Hour of day, in [0, 24).
    is_fraud : ndarray of int, shape (n,)
        1 for fraud, 0 for a normal transaction (the label: for evaluation only).
    kind : ndarray of int, shape (n,)
        0 for normal, else the kind of fraud: an index into ``FRAUD_KINDS``.
    """

    time_h: np.ndarray
    customer: np.ndarray
    amount: np.ndarray
    hours_since_last: np.ndarray
    new_device: np.ndarray
    distance_km: np.ndarray
    category: np.ndarray
    hour: np.ndarray
    is_fraud: np.ndarray
    kind: np.ndarray

    def __len__(self):
        return int(self.time_h.shape[0])

    def subset(self, rows):
        """The transactions selected by a boolean mask or an index array, as a new object."""
        rows = np.asarray(rows)
        if rows.dtype == bool and rows.shape != (len(self),):
            raise ValueError(f"a boolean mask must have shape ({len(self)},), got {rows.shape}")
        if rows.dtype != bool and rows.dtype.kind not in "iu":
            raise TypeError("rows must be a boolean mask or an array of integer indices")
        return Transactions(**{f.name: getattr(self, f.name)[rows] for f in fields(self)})


@dataclass(frozen=True)
class CustomerProfiles:
    """What a bank knows of each customer from their past transactions.

    Attributes
    ----------
    mean_log_amount : ndarray, shape (n_customers,)
        Mean of log(1 + amount) over the customer's history (the population's mean for a
        customer with no history).
    category_share : ndarray, shape (n_customers, len(CATEGORIES))
        Share of the customer's history in each category, smoothed towards the
        population's shares (one pseudo-transaction), so a never-used category gets a
        small share rather than exactly 0.
    """

    mean_log_amount: np.ndarray
    category_share: np.ndarray


def _int_arg(value, name, low):
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"{name} must be an int, got {type(value).__name__}")
    if value < low:
        raise ValueError(f"{name} must be >= {low}, got {value}")
    return int(value)


def make_transactions(n_customers=4000, n_days=90, fraud_share=0.005, seed=0):
    """Simulate ``n_days`` of card transactions of ``n_customers`` customers, with fraud.

    With the defaults: about 100,000 transactions over 90 days, 0.5% of them fraud, in
    well under a second (everything is vectorised numpy).

    Parameters
    ----------
    n_customers : int, default 4000
        Number of customers (>= 10).
    n_days : int, default 90
        Length of the period in days (>= 2).
    fraud_share : float, default 0.005
        Share of the rows that are fraud, in [0, 0.2).
    seed : int, default 0
        Seed of the random generator; the same seed gives the same transactions.

    Returns
    -------
    Transactions
        Every row, ordered by time.

    Used in: lab 07 (section "Bank transactions").
    """
    n_customers = _int_arg(n_customers, "n_customers", 10)
    n_days = _int_arg(n_days, "n_days", 2)
    seed = _int_arg(seed, "seed", 0)
    if isinstance(fraud_share, bool) or not isinstance(fraud_share, (int, float, np.floating, np.integer)) \
            or not 0 <= fraud_share < 0.2:
        raise ValueError(f"fraud_share must be a number in [0, 0.2), got {fraud_share!r}")
    rng = np.random.default_rng(seed)
    n_cat = len(CATEGORIES)

    # --- customer profiles
    rate = rng.gamma(2.0, 0.14, size=n_customers)                 # transactions per day
    mu = rng.normal(3.0, 0.5, size=n_customers)                   # log of a typical amount
    sigma = rng.uniform(0.3, 0.7, size=n_customers)
    peak = rng.uniform(9.0, 20.0, size=n_customers)               # usual hour of activity
    spread = rng.uniform(1.5, 3.5, size=n_customers)
    radius = np.exp(rng.normal(np.log(4.0), 0.6, size=n_customers))   # km around home
    prefs = rng.dirichlet(6.0 * _CATEGORY_SHARE, size=n_customers)
    prefs = np.maximum(prefs, 1e-12)
    prefs /= prefs.sum(axis=1, keepdims=True)

    # --- normal transactions: a Poisson count per customer and day
    counts = rng.poisson(rate[:, None], size=(n_customers, n_days))
    travel_day = rng.random((n_customers, n_days)) < 0.02
    cust_day = np.repeat(np.arange(n_customers * n_days), counts.ravel())
    cust = cust_day // n_days
    day = cust_day % n_days
    n = cust.size
    hour = np.mod(peak[cust] + spread[cust] * rng.standard_normal(n), 24.0)
    cum = np.cumsum(prefs, axis=1)
    cat = np.minimum((rng.random(n)[:, None] > cum[cust]).sum(axis=1), n_cat - 1)
    amount = np.exp(mu[cust] + _CATEGORY_LOG_OFFSET[cat] + sigma[cust] * rng.standard_normal(n))
    far = travel_day[cust, day]
    distance = np.where(far, np.exp(rng.normal(np.log(400.0), 0.9, size=n)),
                        radius[cust] * rng.exponential(1.0, size=n))
    new_dev = (rng.random(n) < np.where(far, 0.08, 0.012)).astype(int)
    kind = np.zeros(n, dtype=int)
    time_h = day * 24.0 + hour

    # --- fraud rows, by kind
    n_fraud = int(round(fraud_share * n / (1.0 - fraud_share)))
    rows_per_kind = np.floor(n_fraud * _KIND_SHARE).astype(int)
    rows_per_kind[0] += n_fraud - rows_per_kind.sum()
    parts = []
    period = n_days * 24.0

    # card testing: bursts of 3-6 small online payments, minutes apart
    sizes = []
    left = rows_per_kind[0]
    while left > 0:
        s = int(min(left, rng.integers(3, 7)))
        sizes.append(s)
        left -= s
    if sizes:
        sizes = np.array(sizes)
        victim = rng.integers(0, n_customers, size=sizes.size)
        start = rng.uniform(0.0, period - 1.0, size=sizes.size)
        burst = np.repeat(np.arange(sizes.size), sizes)
        first = np.repeat(np.cumsum(sizes) - sizes, sizes)
        step = rng.exponential(4.0 / 60.0, size=burst.size)      # about 4 minutes apart
        step[first == np.arange(burst.size)] = 0.0
        total = np.cumsum(step)
        t = start[burst] + total - total[first]                   # time since the burst began
        m = burst.size
        parts.append(dict(time_h=t, customer=victim[burst],
                          amount=rng.uniform(0.5, 9.99, size=m),
                          distance_km=np.exp(rng.normal(np.log(60.0), 1.5, size=m)),
                          new_device=(rng.random(sizes.size)[burst] < 0.85).astype(int),
                          category=np.full(m, CATEGORIES.index("online retail")),
                          kind=np.full(m, 1)))

    # night far away: one large payment, far from home, between midnight and 5 am
    m = rows_per_kind[1]
    victim = rng.integers(0, n_customers, size=m)
    d = rng.integers(0, n_days, size=m)
    h = rng.uniform(0.0, 5.0, size=m)
    c = np.where(rng.random(m) < 0.5, CATEGORIES.index("electronics"), CATEGORIES.index("travel"))
    parts.append(dict(time_h=d * 24.0 + h, customer=victim,
                      amount=np.exp(mu[victim] + _CATEGORY_LOG_OFFSET[c] + 0.8 + 0.5 * rng.standard_normal(m)),
                      distance_km=np.exp(rng.normal(np.log(1500.0), 0.7, size=m)),
                      new_device=(rng.random(m) < 0.5).astype(int), category=c, kind=np.full(m, 2)))

    # unusual category: the customer's least-used category, otherwise ordinary
    m = rows_per_kind[2]
    victim = rng.integers(0, n_customers, size=m)
    c = np.argmin(prefs[victim], axis=1)
    h = np.mod(peak[victim] + spread[victim] * rng.standard_normal(m), 24.0)
    d = rng.integers(0, n_days, size=m)
    parts.append(dict(time_h=d * 24.0 + h, customer=victim,
                      amount=np.exp(mu[victim] + _CATEGORY_LOG_OFFSET[c] + 0.6
                                    + sigma[victim] * rng.standard_normal(m)),
                      distance_km=radius[victim] * rng.exponential(1.0, size=m),
                      new_device=(rng.random(m) < 0.2).astype(int), category=c, kind=np.full(m, 3)))

    # look-alike: the customer's own habits, amount about 2.5 times larger
    m = rows_per_kind[3]
    victim = rng.integers(0, n_customers, size=m)
    c = np.minimum((rng.random(m)[:, None] > cum[victim]).sum(axis=1), n_cat - 1)
    h = np.mod(peak[victim] + spread[victim] * rng.standard_normal(m), 24.0)
    d = rng.integers(0, n_days, size=m)
    parts.append(dict(time_h=d * 24.0 + h, customer=victim,
                      amount=np.exp(mu[victim] + _CATEGORY_LOG_OFFSET[c] + np.log(2.5)
                                    + sigma[victim] * rng.standard_normal(m)),
                      distance_km=radius[victim] * rng.exponential(1.5, size=m),
                      new_device=(rng.random(m) < 0.3).astype(int), category=c, kind=np.full(m, 4)))

    cols = dict(time_h=[time_h], customer=[cust], amount=[amount], distance_km=[distance],
                new_device=[new_dev], category=[cat], kind=[kind])
    for p in parts:
        for key in cols:
            cols[key].append(np.asarray(p[key]))
    cols = {k: np.concatenate(v) for k, v in cols.items()}
    cols["time_h"] = np.clip(cols["time_h"], 0.0, period - 1e-6)

    # hours since the same customer's previous transaction (the first one: from before
    # the period, an exponential gap with the customer's own rate)
    order = np.lexsort((cols["time_h"], cols["customer"]))
    t_sorted = cols["time_h"][order]
    c_sorted = cols["customer"][order]
    gap = np.empty_like(t_sorted)
    gap[1:] = np.diff(t_sorted)
    is_first = np.ones(t_sorted.size, dtype=bool)
    is_first[1:] = c_sorted[1:] != c_sorted[:-1]
    gap[is_first] = rng.exponential(24.0 / rate[c_sorted[is_first]])
    since = np.empty_like(gap)
    since[order] = np.maximum(gap, 1.0 / 60.0)                   # at least a minute

    by_time = np.argsort(cols["time_h"], kind="stable")
    kind_all = cols["kind"][by_time]
    return Transactions(
        time_h=cols["time_h"][by_time],
        customer=cols["customer"][by_time].astype(int),
        amount=np.round(np.maximum(cols["amount"][by_time], 0.5), 2),
        hours_since_last=since[by_time],
        new_device=cols["new_device"][by_time].astype(int),
        distance_km=cols["distance_km"][by_time],
        category=cols["category"][by_time].astype(int),
        hour=np.mod(cols["time_h"][by_time], 24.0),
        is_fraud=(kind_all > 0).astype(int),
        kind=kind_all.astype(int),
    )


def split_by_time(transactions, fractions=(0.5, 0.2, 0.3)):
    """Cut the rows, in time order, into training, validation and test parts.

    Splitting by time (not at random) is what a bank can do: a model is trained on the
    past and judged on the future it has not seen.

    Parameters
    ----------
    transactions : Transactions
        Rows ordered by time (as ``make_transactions`` returns them).
    fractions : tuple of 3 floats, default (0.5, 0.2, 0.3)
        Shares of the rows in each part; positive, summing to 1.

    Returns
    -------
    train, validation, test : Transactions

    Used in: lab 07 (section "Bank transactions").
    """
    if not isinstance(transactions, Transactions):
        raise TypeError(f"transactions must be a Transactions object, got {type(transactions).__name__}")
    try:
        fr = np.array([float(f) for f in fractions])
    except (TypeError, ValueError):
        raise TypeError(f"fractions must be three numbers, got {fractions!r}") from None
    if fr.shape != (3,) or np.any(fr <= 0) or not np.isclose(fr.sum(), 1.0):
        raise ValueError(f"fractions must be three positive numbers summing to 1, got {fractions!r}")
    if np.any(np.diff(transactions.time_h) < 0):
        raise ValueError("transactions must be ordered by time")
    n = len(transactions)
    cut1, cut2 = int(round(fr[0] * n)), int(round((fr[0] + fr[1]) * n))
    idx = np.arange(n)
    return (transactions.subset(idx[:cut1]), transactions.subset(idx[cut1:cut2]),
            transactions.subset(idx[cut2:]))


def customer_profiles(history, n_customers):
    """Each customer's usual amount and category shares, from past transactions.

    Parameters
    ----------
    history : Transactions
        The past (the training part): labels are not used.
    n_customers : int
        Number of customer ids (customers without history get the population's values).

    Returns
    -------
    CustomerProfiles

    Used in: lab 07 (section "Bank transactions").
    """
    if not isinstance(history, Transactions):
        raise TypeError(f"history must be a Transactions object, got {type(history).__name__}")
    n_customers = _int_arg(n_customers, "n_customers", 1)
    if len(history) == 0:
        raise ValueError("history is empty")
    if history.customer.max() >= n_customers:
        raise ValueError(f"history has customer id {history.customer.max()}, "
                         f"but n_customers is {n_customers}")
    n_cat = len(CATEGORIES)
    logs = np.log1p(history.amount)
    count = np.bincount(history.customer, minlength=n_customers)
    total = np.bincount(history.customer, weights=logs, minlength=n_customers)
    mean_log = np.where(count > 0, total / np.maximum(count, 1), logs.mean())
    cat_counts = np.bincount(history.customer * n_cat + history.category,
                             minlength=n_customers * n_cat).reshape(n_customers, n_cat)
    population = np.bincount(history.category, minlength=n_cat) / len(history)
    share = (cat_counts + population) / (count[:, None] + 1.0)
    return CustomerProfiles(mean_log_amount=mean_log, category_share=share)


def transaction_features(transactions, profiles):
    """The numeric feature matrix of some transactions (one row each, ``FEATURE_NAMES``).

    Columns: log(1 + amount); the same minus the customer's usual value; log(1 + hours
    since last); new device (0/1); log(1 + distance); the hour of day as a point on a
    circle (sine and cosine, so 23:00 and 01:00 are close); the customer's share of this
    category; and the category one-hot. Not standardised: fit a scaler on training rows.

    Parameters
    ----------
    transactions : Transactions
    profiles : CustomerProfiles
        From :func:`customer_profiles` on the training part.

    Returns
    -------
    ndarray of float, shape (n, len(FEATURE_NAMES))

    Used in: lab 07 (sections "Bank transactions" and "The demo app").
    """
    if not isinstance(transactions, Transactions):
        raise TypeError(f"transactions must be a Transactions object, got {type(transactions).__name__}")
    if not isinstance(profiles, CustomerProfiles):
        raise TypeError(f"profiles must be a CustomerProfiles object, got {type(profiles).__name__}")
    t = transactions
    if len(t) and t.customer.max() >= profiles.mean_log_amount.shape[0]:
        raise ValueError("a transaction has a customer id that the profiles do not cover")
    log_amount = np.log1p(t.amount)
    angle = 2.0 * np.pi * t.hour / 24.0
    onehot = np.eye(len(CATEGORIES))[t.category]
    return np.column_stack([
        log_amount,
        log_amount - profiles.mean_log_amount[t.customer],
        np.log1p(t.hours_since_last),
        t.new_device.astype(float),
        np.log1p(t.distance_km),
        np.sin(angle),
        np.cos(angle),
        profiles.category_share[t.customer, t.category],
        onehot,
    ])


def single_transaction(customer, amount, hours_since_last, new_device, distance_km, category, hour):
    """One transaction typed in by hand (as in the demo app's form), as a ``Transactions``.

    Parameters
    ----------
    customer : int
        Customer id.
    amount : float
        Euros, > 0.
    hours_since_last : float
        >= 0.
    new_device : bool or int
    distance_km : float
        >= 0.
    category : int or str
        An index into ``CATEGORIES`` or one of its names.
    hour : float
        Hour of day in [0, 24).

    Returns
    -------
    Transactions
        One row, labelled normal (the label is unknown).

    Used in: lab 07 (section "The demo app").
    """
    customer = _int_arg(customer, "customer", 0)
    if isinstance(category, str):
        if category not in CATEGORIES:
            raise ValueError(f"category must be one of {CATEGORIES}, got {category!r}")
        category = CATEGORIES.index(category)
    category = _int_arg(category, "category", 0)
    if category >= len(CATEGORIES):
        raise ValueError(f"category must be below {len(CATEGORIES)}, got {category}")
    values = {}
    for name, value, low in [("amount", amount, 0.0), ("hours_since_last", hours_since_last, 0.0),
                             ("distance_km", distance_km, 0.0), ("hour", hour, 0.0)]:
        if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)) \
                or not np.isfinite(value) or value < low:
            raise ValueError(f"{name} must be a finite number >= {low:g}, got {value!r}")
        values[name] = float(value)
    if values["amount"] <= 0:
        raise ValueError("amount must be > 0")
    if values["hour"] >= 24:
        raise ValueError(f"hour must be below 24, got {hour!r}")
    return Transactions(
        time_h=np.array([values["hour"]]), customer=np.array([customer]),
        amount=np.array([values["amount"]]), hours_since_last=np.array([values["hours_since_last"]]),
        new_device=np.array([int(bool(new_device))]), distance_km=np.array([values["distance_km"]]),
        category=np.array([category]), hour=np.array([values["hour"]]),
        is_fraud=np.array([0]), kind=np.array([0]))
