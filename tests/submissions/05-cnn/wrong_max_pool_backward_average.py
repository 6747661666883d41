"""Wrong: spreads each window's gradient evenly over the window (the gradient of average pooling), not to its maximum."""
# lose: test_max_pool_backward
# keep: rest
import numpy as np


def max_pool_backward(d_out, image, size=2, stride=2):
    d_out, image = np.asarray(d_out, dtype=float), np.asarray(image, dtype=float)
    d_image = np.zeros_like(image)
    for i in range(d_out.shape[0]):
        for j in range(d_out.shape[1]):
            d_image[i * stride:i * stride + size, j * stride:j * stride + size] += d_out[i, j] / size ** 2
    return d_image
