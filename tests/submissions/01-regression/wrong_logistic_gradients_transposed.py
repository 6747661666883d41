"""Wrong: logistic_gradients multiplies X instead of X.T by the errors (only runs when n == d)."""
# lose: test_logistic_gradients test_train_logistic_regression
# keep: test_predict_linear test_mse test_fit_least_squares test_mse_gradients test_gradient_descent
# keep: test_sigmoid test_sigmoid_no_overflow test_binary_cross_entropy test_predict_logistic
import numpy as np


def logistic_gradients(X, y, w, b):
    X = np.asarray(X, dtype=float)
    error = sigmoid(X @ w + b) - y
    return X @ error / len(y), float(np.mean(error))
