"""Wrong: predict_logistic uses p > threshold, so a probability exactly at the threshold gives 0."""
# lose: test_predict_logistic
# keep: rest
import numpy as np


def predict_logistic(X, w, b, threshold=0.5):
    return (sigmoid(np.asarray(X) @ w + b) > threshold).astype(int)
