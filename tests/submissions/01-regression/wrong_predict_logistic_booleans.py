"""Wrong: predict_logistic returns booleans (True/False) instead of integer labels."""
# lose: test_predict_logistic
# keep: rest
import numpy as np


def predict_logistic(X, w, b, threshold=0.5):
    return sigmoid(np.asarray(X) @ w + b) >= threshold
