"""Wrong: counts the weight matrix but not the biases."""
# lose: test_dense_param_count
# keep: rest


def dense_param_count(n_in, n_out):
    return n_in * n_out
