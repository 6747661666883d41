"""Wrong: early_stopping returns the best epoch over the whole curve, including epochs after the stop."""
# lose: test_early_stopping
# keep: rest
import numpy as np


def early_stopping(val_losses, patience, min_delta=0.0):
    best, wait, stop = np.inf, 0, len(val_losses) - 1
    for epoch, loss in enumerate(val_losses):
        if loss < best - min_delta:
            best, wait = loss, 0
            continue
        wait += 1
        if wait >= patience:
            stop = epoch
            break
    return int(np.argmin(val_losses)), stop
