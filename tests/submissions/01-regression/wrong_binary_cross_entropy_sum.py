"""Wrong: binary_cross_entropy sums the losses of the examples instead of averaging them."""
# lose: test_binary_cross_entropy test_train_logistic_regression
# keep: test_predict_linear test_mse test_fit_least_squares test_mse_gradients test_gradient_descent
# keep: test_sigmoid test_sigmoid_no_overflow test_logistic_gradients test_predict_logistic
import numpy as np


def binary_cross_entropy(y_true, p):
    y = np.asarray(y_true, dtype=float)
    p = np.clip(np.asarray(p, dtype=float), 1e-12, 1 - 1e-12)
    return float(-np.sum(y * np.log(p) + (1 - y) * np.log(1 - p)))
