"""Wrong: collapse_linear adds the two biases, forgetting that b1 passes through W2."""
# lose: test_collapse_linear
# keep: rest
import numpy as np


def collapse_linear(W1, b1, W2, b2):
    return W1 @ W2, b1 + b2
