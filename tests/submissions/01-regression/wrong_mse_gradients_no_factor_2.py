"""Wrong: mse_gradients drops the factor 2 of the derivative of the square."""
# lose: test_mse_gradients test_gradient_descent
# keep: test_predict_linear test_mse test_fit_least_squares test_sigmoid test_sigmoid_no_overflow
# keep: test_binary_cross_entropy test_logistic_gradients test_train_logistic_regression test_predict_logistic
import numpy as np


def mse_gradients(X, y, w, b):
    X = np.asarray(X, dtype=float)
    error = X @ w + b - y
    n = len(y)
    return X.T @ error / n, float(np.sum(error) / n)
