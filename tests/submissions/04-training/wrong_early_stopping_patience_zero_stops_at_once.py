"""Wrong: early_stopping compares the count with patience after every epoch, improving ones included, so patience=0 stops after epoch 0 (Keras stops at the first epoch that does not improve)."""
# lose: test_early_stopping
# keep: rest
import numpy as np


def early_stopping(val_losses, patience, min_delta=0.0):
    best, best_epoch, wait = np.inf, 0, 0
    for epoch, loss in enumerate(val_losses):
        if loss < best - min_delta:
            best, best_epoch, wait = loss, epoch, 0
        else:
            wait += 1
        if wait >= patience:
            return best_epoch, epoch
    return best_epoch, len(val_losses) - 1
