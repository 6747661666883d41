"""Wrong: one f x f slice per filter, forgetting that a filter spans all input channels."""
# lose: test_conv_param_count
# keep: rest


def conv_param_count(f, c_in, c_out):
    return (f * f + 1) * c_out
