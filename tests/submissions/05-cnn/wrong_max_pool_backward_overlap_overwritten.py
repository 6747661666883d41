"""Wrong with overlapping windows: assigns (=) each window's gradient to its maximum instead of adding (+=), so a pixel that is the maximum of two windows keeps only one gradient."""
# lose: test_max_pool_backward
# keep: rest
import numpy as np


def max_pool_backward(d_out, image, size=2, stride=2):
    d_out, image = np.asarray(d_out, dtype=float), np.asarray(image, dtype=float)
    d_image = np.zeros_like(image)
    for i in range(d_out.shape[0]):
        for j in range(d_out.shape[1]):
            window = image[i * stride:i * stride + size, j * stride:j * stride + size]
            u, v = np.unravel_index(np.argmax(window), window.shape)
            d_image[i * stride + u, j * stride + v] = d_out[i, j]
    return d_image
