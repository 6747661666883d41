"""Wrong: right formula but no ValueError for a filter larger than the padded input or a bad stride."""
# lose: test_conv_output_size_validation
# keep: rest


def conv_output_size(n, f, padding=0, stride=1):
    return int((n + 2 * padding - f) // stride + 1)
