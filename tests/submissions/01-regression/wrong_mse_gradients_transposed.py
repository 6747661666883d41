"""Wrong: mse_gradients multiplies X instead of X.T by the errors (only runs when n == d)."""
# lose: test_mse_gradients test_gradient_descent
# keep: test_predict_linear test_mse test_fit_least_squares test_sigmoid test_sigmoid_no_overflow
# keep: test_binary_cross_entropy test_logistic_gradients test_train_logistic_regression test_predict_logistic
import numpy as np


def mse_gradients(X, y, w, b):
    X = np.asarray(X, dtype=float)
    error = X @ w + b - y
    n = len(y)
    return 2.0 / n * (X @ error), float(2.0 / n * np.sum(error))
