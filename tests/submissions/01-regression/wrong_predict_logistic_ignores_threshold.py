"""Wrong: predict_logistic always compares with 0.5 and ignores its threshold argument."""
# lose: test_predict_logistic
# keep: rest
import numpy as np


def predict_logistic(X, w, b, threshold=0.5):
    return (sigmoid(np.asarray(X) @ w + b) >= 0.5).astype(int)
