"""Wrong: mse_gradients uses y - y_hat (the sign of the lecture's handwritten note), so descent climbs."""
# lose: test_mse_gradients test_gradient_descent
# keep: test_predict_linear test_mse test_fit_least_squares test_sigmoid test_sigmoid_no_overflow
# keep: test_binary_cross_entropy test_logistic_gradients test_train_logistic_regression test_predict_logistic
import numpy as np


def mse_gradients(X, y, w, b):
    X = np.asarray(X, dtype=float)
    residual = y - (X @ w + b)
    n = len(y)
    return 2.0 / n * (X.T @ residual), float(2.0 / n * np.sum(residual))
