"""Correct, returning numpy types where the text speaks of ints and floats: numpy integer epochs and dict keys, numpy float weights and limits; patience 0 handled as patience 1."""
# keep: rest
import numpy as np


def early_stopping(val_losses, patience, min_delta=0.0):
    losses = np.asarray(val_losses, dtype=float)
    best, best_epoch, wait = np.inf, np.int64(0), 0
    for epoch in np.arange(len(losses)):
        if losses[epoch] < best - min_delta:
            best, best_epoch, wait = losses[epoch], epoch, 0
        else:
            wait += 1
            if wait >= max(patience, 1):
                return best_epoch, epoch
    return best_epoch, np.int64(len(losses) - 1)


def glorot_uniform_limit(fan_in, fan_out):
    return np.sqrt(np.float64(6) / (fan_in + fan_out))


def he_normal_std(fan_in):
    return np.sqrt(np.float64(2) / fan_in)


def balanced_class_weights(y):
    classes, counts = np.unique(y, return_counts=True)
    return dict(zip(classes, len(y) / (len(classes) * counts)))
