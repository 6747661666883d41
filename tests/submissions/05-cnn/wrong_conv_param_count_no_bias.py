"""Wrong: counts the filter weights but not the biases."""
# lose: test_conv_param_count
# keep: rest


def conv_param_count(f, c_in, c_out):
    return f * f * c_in * c_out
