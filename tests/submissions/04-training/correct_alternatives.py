"""Correct, written with other calls: scikit-learn's StandardScaler and compute_class_weight, Keras's folded Adam step, rng.binomial, np.einsum, np.where for the dropout gradient and a step-by-step backward pass through the batch-norm graph (deviations, variance, s, x_hat)."""
# keep: rest
import numpy as np
from sklearn.preprocessing import StandardScaler
from sklearn.utils.class_weight import compute_class_weight


def standardize_fit(X_train):
    scaler = StandardScaler().fit(X_train)
    return scaler.mean_, scaler.scale_


def standardize_apply(X, mean, std):
    return np.divide(np.subtract(X, mean), std)


def l2_penalty(params, lam):
    return lam * sum(float(np.einsum("ij,ij->", W, W)) for k, W in params.items() if k.startswith("W"))


def l1_penalty(params, lam):
    return lam * sum(float(np.linalg.norm(np.ravel(W), 1)) for k, W in params.items() if k.startswith("W"))


def dropout_forward(A, rate, rng, training=True):
    if not training or rate == 0:
        return np.array(A, dtype=float), np.full(np.shape(A), True)
    mask = rng.binomial(1, 1.0 - rate, size=np.shape(A)).astype(bool)
    return np.where(mask, np.asarray(A) / (1.0 - rate), 0.0), mask


def early_stopping(val_losses, patience, min_delta=0.0):
    # Keras's own bookkeeping: count first, reset on improvement.
    best, best_epoch, wait = None, 0, 0
    for epoch, loss in enumerate(val_losses):
        wait += 1
        if best is None or loss < best - abs(min_delta):
            best, best_epoch, wait = loss, epoch, 0
            continue
        if wait >= patience and epoch > 0:
            return best_epoch, epoch
    return best_epoch, len(val_losses) - 1


def batch_norm_forward(X, gamma, beta, eps=1e-3):
    X = np.asarray(X, dtype=float)
    centred = X - np.mean(X, axis=0, keepdims=True)
    var = np.mean(centred ** 2, axis=0, keepdims=True)
    return centred * (gamma / np.sqrt(var + eps)) + beta


def glorot_uniform_limit(fan_in, fan_out):
    return (6.0 / (fan_in + fan_out)) ** 0.5


def he_normal_std(fan_in):
    return float(np.sqrt(2.0 / fan_in))


def adam_step(w, g, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-7):
    # Keras's form: bias corrections folded into the learning rate, eps outside.
    m_new = m + (g - m) * (1 - beta1)
    v_new = v + (np.square(g) - v) * (1 - beta2)
    alpha = lr * np.sqrt(1 - beta2 ** t) / (1 - beta1 ** t)
    return w - alpha * m_new / (np.sqrt(v_new) + eps), m_new, v_new


def balanced_class_weights(y):
    classes = np.unique(y)
    weights = compute_class_weight("balanced", classes=classes, y=y)
    return dict(zip(classes.tolist(), weights.tolist()))


def dropout_backward(dA_out, mask, rate):
    return np.where(mask, np.asarray(dA_out) / (1.0 - rate), 0.0)


def batch_norm_backward(dY, X, gamma, eps=1e-3):
    # Forward, one node at a time: dev = X - mu, var = mean(dev**2), s = sqrt(var + eps),
    # inv = 1 / s, x_hat = dev * inv, y = gamma * x_hat + beta. Then each node backward.
    X = np.asarray(X, dtype=float)
    n = X.shape[0]
    mu = np.mean(X, axis=0)
    dev = X - mu
    var = np.mean(dev ** 2, axis=0)
    s = np.sqrt(var + eps)
    inv = 1.0 / s
    x_hat = dev * inv
    dbeta = np.sum(dY, axis=0)
    dgamma = np.sum(dY * x_hat, axis=0)
    dx_hat = dY * gamma
    dinv = np.sum(dx_hat * dev, axis=0)
    ddev = dx_hat * inv
    ds = -dinv / s ** 2
    dvar = ds / (2.0 * s)
    ddev = ddev + dvar * 2.0 * dev / n
    dmu = -np.sum(ddev, axis=0)
    dX = ddev + dmu / n
    return dX, dgamma, dbeta
