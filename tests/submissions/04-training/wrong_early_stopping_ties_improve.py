"""Wrong: early_stopping counts a loss equal to the best (<=) as an improvement."""
# lose: test_early_stopping
# keep: rest
import numpy as np


def early_stopping(val_losses, patience, min_delta=0.0):
    best, best_epoch, wait = np.inf, 0, 0
    for epoch, loss in enumerate(val_losses):
        if loss <= best - min_delta:
            best, best_epoch, wait = loss, epoch, 0
            continue
        wait += 1
        if wait >= patience:
            return best_epoch, epoch
    return best_epoch, len(val_losses) - 1
