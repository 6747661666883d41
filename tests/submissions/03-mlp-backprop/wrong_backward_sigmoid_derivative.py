"""Wrong: backward uses the sigmoid's derivative A1 * (1 - A1) for the tanh hidden layer."""
# lose: test_backward
# keep: test_collapse_linear test_relu_activations test_softmax test_softmax_large_inputs test_categorical_cross_entropy test_forward_worked_example test_backprop_worked_example test_numerical_gradient test_forward test_train_softmax_mlp
import numpy as np


def backward(X, Y, params, cache):
    n = X.shape[0]
    A1, A2 = cache["A1"], cache["A2"]
    dZ2 = (A2 - Y) / n
    dZ1 = (dZ2 @ params["W2"].T) * A1 * (1.0 - A1)
    return {"W1": X.T @ dZ1, "b1": dZ1.sum(axis=0), "W2": A1.T @ dZ2, "b2": dZ2.sum(axis=0)}
