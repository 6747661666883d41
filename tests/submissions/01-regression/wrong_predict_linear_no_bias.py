"""Wrong: predict_linear forgets the bias and returns X @ w."""
# lose: test_predict_linear
# keep: test_mse test_fit_least_squares test_sigmoid test_sigmoid_no_overflow test_binary_cross_entropy
# keep: test_logistic_gradients test_train_logistic_regression test_predict_logistic
import numpy as np


def predict_linear(X, w, b):
    return np.asarray(X) @ np.asarray(w)
