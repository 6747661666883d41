"""Wrong: collapse_linear composes in the column-vector convention (W2.T @ W1.T), so W comes out transposed, (k, d)."""
# lose: test_collapse_linear
# keep: rest
import numpy as np


def collapse_linear(W1, b1, W2, b2):
    return W2.T @ W1.T, W2.T @ b1 + b2
