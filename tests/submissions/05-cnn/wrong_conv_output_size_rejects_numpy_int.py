"""Wrong: right sizes for Python ints, but the stride check accepts only Python ints, so np.int64(2) raises ValueError."""
# lose: test_conv_output_size_validation
# keep: rest


def conv_output_size(n, f, padding=0, stride=1):
    if type(stride) is not int or stride < 1:
        raise ValueError("stride must be a positive integer")
    if f > n + 2 * padding:
        raise ValueError("filter larger than the padded input")
    return (n + 2 * padding - f) // stride + 1
