"""Wrong: sigmoid computes 1 / (1 + exp(z)), the sign in the exponent flipped (sigma(-z))."""
# lose: test_sigmoid test_sigmoid_no_overflow
# keep: test_predict_linear test_mse test_fit_least_squares test_mse_gradients test_gradient_descent
# keep: test_binary_cross_entropy
import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(z))
