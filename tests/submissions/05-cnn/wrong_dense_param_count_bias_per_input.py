"""Wrong: one bias per input instead of one per unit."""
# lose: test_dense_param_count
# keep: rest


def dense_param_count(n_in, n_out):
    return n_in * n_out + n_in
