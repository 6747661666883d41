"""Wrong: forward uses the sigmoid in the hidden layer instead of tanh."""
# lose: test_forward
# keep: test_collapse_linear test_relu_activations test_softmax test_softmax_large_inputs test_categorical_cross_entropy test_forward_worked_example test_backprop_worked_example test_numerical_gradient test_train_softmax_mlp
import numpy as np


def forward(X, params):
    Z1 = X @ params["W1"] + params["b1"]
    A1 = 1.0 / (1.0 + np.exp(-Z1))
    Z2 = A1 @ params["W2"] + params["b2"]
    A2 = 1.0 / (1.0 + np.exp(-Z2))
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}
