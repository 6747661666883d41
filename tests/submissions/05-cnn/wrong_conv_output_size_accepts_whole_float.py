"""Wrong: right sizes, but a whole-number float stride such as 2.0 is accepted (the text says floats are never integers)."""
# lose: test_conv_output_size_validation
# keep: rest


def conv_output_size(n, f, padding=0, stride=1):
    if stride != int(stride) or stride < 1:
        raise ValueError("stride must be a positive integer")
    if f > n + 2 * padding:
        raise ValueError("filter larger than the padded input")
    return int((n + 2 * padding - f) // stride + 1)
