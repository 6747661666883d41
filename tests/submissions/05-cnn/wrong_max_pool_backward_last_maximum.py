"""Wrong on ties: scans each window with >= and so sends the gradient to the last maximum in row-major order, not the first."""
# lose: test_max_pool_backward
# keep: rest
import numpy as np


def max_pool_backward(d_out, image, size=2, stride=2):
    d_out, image = np.asarray(d_out, dtype=float), np.asarray(image, dtype=float)
    d_image = np.zeros_like(image)
    for i in range(d_out.shape[0]):
        for j in range(d_out.shape[1]):
            best, where = -np.inf, None
            for u in range(size):
                for v in range(size):
                    if image[i * stride + u, j * stride + v] >= best:
                        best, where = image[i * stride + u, j * stride + v], (i * stride + u, j * stride + v)
            d_image[where] += d_out[i, j]
    return d_image
