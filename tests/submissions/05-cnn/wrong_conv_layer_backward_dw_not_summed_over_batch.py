"""Wrong: loops over the images and sets dW from each image in turn, so only the last image's gradient survives (no sum over the batch)."""
# lose: test_conv_layer_backward
# keep: rest
import numpy as np


def conv_layer_backward(dY, X, W, stride=1, padding=0):
    dY, X, W = (np.asarray(a, dtype=float) for a in (dY, X, W))
    n, h, w, c_in = X.shape
    f, c_out = W.shape[0], W.shape[3]
    oh, ow = dY.shape[1:3]
    Xp = np.pad(X, ((0, 0), (padding, padding), (padding, padding), (0, 0)))
    dXp = np.zeros_like(Xp)
    dW = np.zeros_like(W)
    for b in range(n):
        dW_image = np.zeros_like(W)
        for i in range(oh):
            for j in range(ow):
                r, c = i * stride, j * stride
                dW_image += Xp[b, r:r + f, c:c + f, :, None] * dY[b, i, j][None, None, None, :]
                dXp[b, r:r + f, c:c + f, :] += W @ dY[b, i, j]
        dW = dW_image
    return dXp[:, padding:padding + h, padding:padding + w, :], dW, dY.sum(axis=(0, 1, 2))
