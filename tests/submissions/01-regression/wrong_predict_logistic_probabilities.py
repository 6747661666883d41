"""Wrong: predict_logistic returns the probabilities instead of 0/1 labels."""
# lose: test_predict_logistic
# keep: rest
import numpy as np


def predict_logistic(X, w, b, threshold=0.5):
    return sigmoid(np.asarray(X) @ w + b)
