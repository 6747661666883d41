"""Offline images: scikit-learn's 8x8 digits as image batches, its sample photographs, shifts.

Images follow TensorFlow's "channels last" layout: one image is (h, w) or (h, w, c), a
batch is (n, h, w, c). Nothing is downloaded: the digits and the two photographs ship
inside scikit-learn.
"""

from typing import NamedTuple

import numpy as np

from nblib import _validate


class ImageSplit(NamedTuple):
    """Images split into a training and a test part.

    Fields: ``X_train`` (n_train, h, w, c) and ``X_test`` (n_test, h, w, c) float arrays,
    ``y_train`` (n_train,) and ``y_test`` (n_test,) int labels.

    Used in: lab 05 (sections "A CNN in Keras", "Shifted digits", "Transfer learning").
    """

    X_train: np.ndarray
    X_test: np.ndarray
    y_train: np.ndarray
    y_test: np.ndarray


def load_digit_images(test_size=0.25, seed=0):
    """scikit-learn's 1,797 handwritten digits as (n, 8, 8, 1) images in [0, 1], split.

    The pixels (whole numbers 0..16 in scikit-learn) are divided by 16. The split is
    stratified (every digit in the same proportion in both parts) and fixed by ``seed``:
    the same call gives the same images on every machine.

    Parameters
    ----------
    test_size : float, default 0.25
        Fraction of the images kept for testing, strictly between 0 and 1.
    seed : int, default 0
        Seed of the split.

    Returns
    -------
    ImageSplit
        ``X_train``, ``X_test`` (float32 arrays of shape (n, 8, 8, 1)), ``y_train``,
        ``y_test`` (int arrays of digit labels 0..9).

    Raises
    ------
    TypeError, ValueError
        If ``test_size`` is not a fraction or ``seed`` not a non-negative int.

    Used in: lab 05 (sections "A CNN in Keras", "Shifted digits", "Transfer learning",
    the kernel explorer); lab 07 may use it for digit reconstructions.
    """
    from sklearn.datasets import load_digits
    from sklearn.model_selection import train_test_split

    test_size, seed = _validate.split_args(test_size, seed)
    bunch = load_digits()
    X = (bunch.images / 16.0).astype("float32")[..., np.newaxis]
    y = bunch.target.astype(int)
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=test_size, random_state=seed, stratify=y)
    return ImageSplit(X_train, X_test, y_train, y_test)


def shift_images(images, dy, dx):
    """Move every image of a batch by ``dy`` rows and ``dx`` columns, filling with zeros.

    Positive ``dy`` moves the content down, positive ``dx`` to the right; what leaves the
    frame is lost, what enters it is background (0). The input is not changed.

    Parameters
    ----------
    images : array_like, shape (n, h, w) or (n, h, w, c)
        A batch of images.
    dy, dx : int
        The shift in pixels; each must be smaller than the image in that direction.

    Returns
    -------
    ndarray
        A new array of the input's shape and dtype.

    Raises
    ------
    TypeError, ValueError
        For a non-integer shift, a shift as large as the image, or a batch of the wrong
        number of dimensions.

    Used in: lab 05 (section "Shifted digits": translation invariance and shift
    augmentation).
    """
    arr = _image_batch(images)
    h, w = arr.shape[1], arr.shape[2]
    for value, size, label in ((dy, h, "dy"), (dx, w, "dx")):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
            raise TypeError(f"{label} must be an int number of pixels, got {type(value).__name__}")
        if abs(int(value)) >= size:
            raise ValueError(f"{label}={value} moves the image out of its {size}-pixel frame")
    dy, dx = int(dy), int(dx)
    out = np.zeros_like(arr)
    src_rows = slice(max(0, -dy), h - max(0, dy))
    dst_rows = slice(max(0, dy), h - max(0, -dy))
    src_cols = slice(max(0, -dx), w - max(0, dx))
    dst_cols = slice(max(0, dx), w - max(0, -dx))
    out[:, dst_rows, dst_cols] = arr[:, src_rows, src_cols]
    return out


def _image_batch(images, name="images"):
    """``images`` as an array of shape (n, h, w) or (n, h, w, c), or a clear error.

    (A candidate for ``nblib._validate``; kept here while only this module needs it.)
    """
    try:
        arr = np.asarray(images)
    except (TypeError, ValueError):
        raise TypeError(f"{name} must be a numeric array of shape (n, h, w) or (n, h, w, c)") from None
    if arr.dtype.kind not in "biuf":
        raise TypeError(f"{name} must hold numbers, got dtype {arr.dtype}")
    if arr.ndim not in (3, 4) or 0 in arr.shape:
        raise ValueError(f"{name} must be a non-empty batch of shape (n, h, w) or (n, h, w, c), "
                         f"got shape {arr.shape}; for one image use image[np.newaxis]")
    return arr


class Photo(NamedTuple):
    """A colour photograph and its greyscale version.

    Fields: ``rgb`` (h, w, 3) and ``grey`` (h, w), float arrays in [0, 1], and ``name``.

    Used in: lab 05 (section "Images are arrays", "Edge filters on a photograph").
    """

    rgb: np.ndarray
    grey: np.ndarray
    name: str


# ITU-R BT.601 luma weights (what Pillow's convert("L") uses).
_LUMA = np.array([0.299, 0.587, 0.114])


def load_photo(name="china.jpg", step=2):
    """One of scikit-learn's two bundled photographs, as RGB and greyscale arrays.

    The photos ("china.jpg": a temple, "flower.jpg": a flower; 427 x 640 pixels, licence
    CC BY 2.0) ship inside scikit-learn and need Pillow to decode. ``step`` keeps every
    ``step``-th row and column, so hand-written convolutions stay quick. The greyscale
    image is the usual luma mix 0.299 R + 0.587 G + 0.114 B.

    Parameters
    ----------
    name : {"china.jpg", "flower.jpg"}, default "china.jpg"
    step : int, default 2
        Keep every step-th pixel in each direction (1 keeps them all, at most 8).

    Returns
    -------
    Photo
        ``rgb`` of shape (h, w, 3) and ``grey`` of shape (h, w), floats in [0, 1].

    Raises
    ------
    ValueError
        For another name or a step outside 1..8.

    Used in: lab 05 (sections "Images are arrays" and "Edge filters on a photograph").
    """
    from sklearn.datasets import load_sample_image

    if name not in ("china.jpg", "flower.jpg"):
        raise ValueError(f"name must be 'china.jpg' or 'flower.jpg', got {name!r}")
    if isinstance(step, bool) or not isinstance(step, (int, np.integer)) or not 1 <= step <= 8:
        raise ValueError(f"step must be an int from 1 to 8, got {step!r}")
    rgb = load_sample_image(name)[::step, ::step].astype(float) / 255.0
    grey = rgb @ _LUMA
    return Photo(rgb, grey, name)
