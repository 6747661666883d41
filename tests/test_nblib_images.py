"""Unit tests for the image helpers: nblib.data.images, nblib.plots.images, nblib.widgets.images."""

import ipywidgets as widgets

import numpy as np
import pytest
from matplotlib.figure import Figure

from nblib.data.images import ImageSplit, Photo, load_digit_images, load_photo, shift_images
from nblib.plots.images import (plot_number_grid, plot_sliding_window, show_feature_maps,
                                show_filters, show_images)
from nblib.widgets.base import PictureWidget
from nblib.widgets.images import PRESET_KERNELS, kernel_explorer, parse_kernel


# ---------------------------------------------------------------- data
def test_digit_images_shapes_range_and_split():
    split = load_digit_images()
    assert isinstance(split, ImageSplit)
    assert split.X_train.shape[1:] == (8, 8, 1) and split.X_test.shape[1:] == (8, 8, 1)
    assert len(split.X_train) + len(split.X_test) == 1797
    assert len(split.X_test) == 450
    assert split.X_train.dtype == np.float32
    assert 0.0 <= split.X_train.min() and split.X_train.max() <= 1.0
    assert set(np.unique(split.y_test)) == set(range(10))
    # stratified: every class has about a quarter of its images in the test part
    counts = np.bincount(split.y_test, minlength=10)
    assert counts.min() >= 43 and counts.max() <= 47


def test_digit_images_seed_is_reproducible_and_matters():
    a, b, c = load_digit_images(seed=0), load_digit_images(seed=0), load_digit_images(seed=1)
    assert np.array_equal(a.X_train, b.X_train) and np.array_equal(a.y_test, b.y_test)
    assert not np.array_equal(a.y_test, c.y_test)


@pytest.mark.parametrize("kwargs, error", [({"test_size": 1.5}, ValueError), ({"seed": "x"}, TypeError),
                                           ({"seed": -1}, ValueError)])
def test_digit_images_bad_arguments(kwargs, error):
    with pytest.raises(error):
        load_digit_images(**kwargs)


def test_shift_images_moves_content_and_fills_zeros():
    batch = np.arange(1.0, 10.0).reshape(1, 3, 3, 1)
    right = shift_images(batch, 0, 1)
    assert np.array_equal(right[0, :, :, 0], [[0, 1, 2], [0, 4, 5], [0, 7, 8]])
    up = shift_images(batch, -1, 0)
    assert np.array_equal(up[0, :, :, 0], [[4, 5, 6], [7, 8, 9], [0, 0, 0]])
    assert np.array_equal(shift_images(batch, 0, 0), batch)
    assert np.array_equal(batch[0, :, :, 0], np.arange(1.0, 10.0).reshape(3, 3)), "input changed"
    three_d = shift_images(batch[..., 0], 1, -1)
    assert three_d.shape == (1, 3, 3)
    assert np.array_equal(three_d[0], [[0, 0, 0], [2, 3, 0], [5, 6, 0]])


@pytest.mark.parametrize("images, dy, dx, error", [
    (np.ones((3, 3)), 0, 1, ValueError),            # one image, not a batch
    (np.ones((1, 3, 3)), 3, 0, ValueError),         # shift as large as the image
    (np.ones((1, 3, 3)), 0.5, 0, TypeError),        # non-integer shift
    (np.array([["a"]]), 0, 0, TypeError),
])
def test_shift_images_bad_input(images, dy, dx, error):
    with pytest.raises(error):
        shift_images(images, dy, dx)


def test_load_photo_rgb_and_grey():
    photo = load_photo("china.jpg", step=4)
    assert isinstance(photo, Photo)
    assert photo.rgb.shape == (107, 160, 3) and photo.grey.shape == (107, 160)
    assert 0 <= photo.rgb.min() and photo.rgb.max() <= 1
    assert np.allclose(photo.grey, photo.rgb @ np.array([0.299, 0.587, 0.114]))
    assert load_photo("flower.jpg", step=8).rgb.shape == (54, 80, 3)


@pytest.mark.parametrize("kwargs", [{"name": "cat.jpg"}, {"step": 0}, {"step": 2.5}])
def test_load_photo_bad_arguments(kwargs):
    with pytest.raises(ValueError):
        load_photo(**kwargs)


# ---------------------------------------------------------------- plots
def test_show_images_grid_and_titles():
    images = np.random.default_rng(0).random((12, 8, 8, 1))
    fig = show_images(images, [str(i) for i in range(12)], ncols=5)
    visible = [ax for ax in fig.axes if ax.axison]
    assert len(fig.axes) == 15 and len(visible) == 12
    assert visible[3].get_title() == "3"


def test_show_images_rgb_list_and_given_figure():
    fig = Figure(figsize=(4, 2))
    out = show_images([np.zeros((4, 6, 3)), np.ones((5, 5))], ncols=2, fig=fig, suptitle="two")
    assert out is fig and len(fig.axes) == 2


def test_show_images_row_labels():
    fig = show_images(np.zeros((6, 4, 4)), ncols=3, row_labels=["unit 0", "unit 1"])
    assert [ax.get_ylabel() for ax in fig.axes] == ["unit 0", "", "", "unit 1", "", ""]
    with pytest.raises(ValueError, match="row_labels"):
        show_images(np.zeros((6, 4, 4)), ncols=3, row_labels=["only one"])


@pytest.mark.parametrize("images, kwargs", [(np.ones((8, 8)), {}), (np.ones((2, 8, 8, 2)), {}),
                                            (np.ones((2, 4, 4)), {"titles": ["a"]}),
                                            (np.ones((2, 4, 4)), {"ncols": 0}),
                                            (np.full((1, 2, 2), np.nan), {})])
def test_show_images_bad_input(images, kwargs):
    with pytest.raises(ValueError):
        show_images(images, **kwargs)


def test_show_feature_maps_and_filters():
    fig = show_feature_maps(np.random.default_rng(1).normal(size=(8, 8, 6)), ncols=3)
    assert len(fig.axes) == 6 and fig.axes[0].get_title() == "map 0"
    fig = show_filters(np.random.default_rng(2).normal(size=(3, 3, 2, 4)), channel=1)
    assert len(fig.axes) == 4 and fig.axes[2].get_title() == "filter 2"
    assert len(fig.axes[0].texts) == 9  # small filters are annotated
    with pytest.raises(ValueError):
        show_filters(np.ones((3, 3, 2, 4)), channel=2)
    with pytest.raises(ValueError):
        show_feature_maps(np.ones((2, 8, 8, 3)))


def test_plot_number_grid_writes_every_value():
    ax = plot_number_grid([[1, -1], [0.5, 30]], title="m", highlight=(0, 0, 1, 2))
    assert sorted(t.get_text() for t in ax.texts) == ["-1", "0.5", "1", "30"]
    assert len(ax.patches) == 1
    with pytest.raises(ValueError):
        plot_number_grid(np.ones(3))


def test_plot_sliding_window_draws_padding_window_and_output():
    ax_in, ax_out = plot_sliding_window(5, 3, padding=1, stride=1, out_size=5, position=(0, 1))
    assert len(ax_in.patches) == 7 * 7 + 1  # padded grid plus the window
    assert len(ax_out.patches) == 25
    assert sum(t.get_text() == "0" for t in ax_in.texts) == 7 * 7 - 25
    window = ax_in.patches[-1]
    assert window.get_xy() == (1, 0) and window.get_width() == 3


@pytest.mark.parametrize("kwargs", [{"out_size": 3, "position": (3, 0)},       # outside output
                                    {"out_size": 4, "position": (3, 3)},       # window leaves input
                                    {"out_size": 3, "stride": 0},
                                    {"out_size": 0}])
def test_plot_sliding_window_bad_input(kwargs):
    with pytest.raises(ValueError):
        plot_sliding_window(7, 3, **{"stride": 2, **kwargs})


# ---------------------------------------------------------------- widget
def _conv(image, kernel, stride=1, padding=0):
    # A test double (loops, not used in any lab): valid cross-correlation after padding.
    x = np.pad(image, padding)
    f = kernel.shape[0]
    n = x.shape[0] - f + 1
    return np.array([[np.sum(x[i:i + f, j:j + f] * kernel) for j in range(n)] for i in range(n)])


def _pool(image, size=2, stride=2, mode="max"):
    n = image.shape[0] // 2
    blocks = image[:2 * n, :2 * n].reshape(n, 2, n, 2)
    return {"max": blocks.max(axis=(1, 3)), "min": blocks.min(axis=(1, 3)),
            "avg": blocks.mean(axis=(1, 3)), "sum": blocks.sum(axis=(1, 3))}[mode]


def _stub(*args, **kwargs):
    raise NotImplementedError()


def _controls(widget):
    return {c.description: c for c in widget.children if hasattr(c, "description") and c.description}


def test_parse_kernel():
    assert np.array_equal(parse_kernel("1 0 -1; 1,0,-1; 1 0 -1"), [[1, 0, -1]] * 3)
    for text in PRESET_KERNELS.values():
        assert parse_kernel(text).shape == (3, 3)
    for bad in ["1 2 3", "1 2 3; 4 5 6; 7 8", "a b c; 1 2 3; 4 5 6"]:
        with pytest.raises(ValueError):
            parse_kernel(bad)


def test_kernel_explorer_draws_and_reacts():
    images = load_digit_images().X_test[:5]
    widget = kernel_explorer(images, _conv, _pool, labels=[0, 1, 2, 3, 4])
    assert isinstance(widget, PictureWidget)
    fig = widget.figure
    assert len(fig.axes) == 3 and fig.axes[0].get_title() == "image (digit 0)"
    assert fig.axes[1].images[0].get_array().shape == (8, 8)
    assert fig.axes[2].images[0].get_array().shape == (4, 4)
    controls = _controls(widget)
    controls["preset"].value = "sharpen"
    assert controls["kernel"].value == PRESET_KERNELS["sharpen"]
    controls["pooling"].value = "avg"
    assert "avg" in widget.figure.axes[2].get_title()
    controls["image"].value = 3
    assert widget.figure.axes[0].get_title() == "image (digit 3)"
    controls["kernel"].value = "1 2"
    (message,) = [c for c in widget.children if isinstance(c, widgets.HTML)]
    assert widget.figure is None and "three rows" in message.value


def test_kernel_explorer_says_which_exercise_is_missing():
    images = np.zeros((2, 8, 8, 1))
    widget = kernel_explorer(images, _stub, _pool)
    (message,) = [c for c in widget.children if isinstance(c, widgets.HTML)]
    assert widget.figure is None and "conv2d" in message.value
    widget = kernel_explorer(images, _conv, _stub)
    (message,) = [c for c in widget.children if isinstance(c, widgets.HTML)]
    assert "pool2d" in message.value


@pytest.mark.parametrize("args, kwargs, error", [
    ((np.zeros((8, 8)), _conv, _pool), {}, ValueError),
    ((np.zeros((2, 8, 8)), "conv", _pool), {}, TypeError),
    ((np.zeros((2, 8, 8)), _conv, _pool), {"labels": [1]}, ValueError),
    ((np.zeros((2, 8, 8)), _conv, _pool), {"kernels": {"bad": "1 2 3"}}, ValueError),
])
def test_kernel_explorer_bad_input(args, kwargs, error):
    with pytest.raises(error):
        kernel_explorer(*args, **kwargs)
