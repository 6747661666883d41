"""Unit tests for nblib.plots.diagrams (network diagrams of labs 02 and 03)."""


import matplotlib.pyplot as plt
import pytest

from nblib.plots.diagrams import draw_network, draw_neuron, draw_worked_example

WEIGHTS = {"w13": 0.1, "w23": 0.8, "w14": 0.4, "w24": 0.6, "w35": 0.3, "w45": 0.9}


def _texts(ax):
    return [t.get_text() for t in ax.texts]


def test_neuron_draws_one_arrow_and_label_per_input():
    ax = draw_neuron(3, activation="step", bias_label="$b$")
    texts = _texts(ax)
    for label in ("$x_1$", "$x_3$", "$w_2$", "step", "$b$", r"$\hat y$"):
        assert label in texts
    assert len([p for p in ax.patches if type(p).__name__ == "FancyArrowPatch"]) == 3


def test_neuron_custom_labels_and_given_axes():
    fig, ax = plt.subplots()
    out = draw_neuron(2, ax=ax, input_labels=["A", "B"], weight_labels=["0.6", "-0.4"])
    assert out is ax
    assert {"A", "B", "0.6", "-0.4"} <= set(_texts(ax))


@pytest.mark.parametrize("bad, error", [(0, ValueError), (9, ValueError), (2.0, TypeError), (True, TypeError)])
def test_neuron_rejects_bad_counts(bad, error):
    with pytest.raises(error, match="n_inputs"):
        draw_neuron(bad)


def test_neuron_rejects_wrong_number_of_labels():
    with pytest.raises(ValueError, match="input_labels must have 3"):
        draw_neuron(3, input_labels=["a", "b"])
    with pytest.raises(TypeError, match="activation"):
        draw_neuron(2, activation=3)


def test_network_connects_every_pair_and_names_layers():
    ax = draw_network((2, 3, 1))
    arrows = [p for p in ax.patches if type(p).__name__ == "FancyArrowPatch"]
    assert len(arrows) == 2 * 3 + 3 * 1
    texts = _texts(ax)
    for name in ("input layer", "hidden layer", "output layer"):
        assert name in texts


def test_network_two_layers_and_custom_names():
    ax = draw_network([3, 4], layer_names=["inputs x", "dense layer"], title="a dense layer")
    assert {"inputs x", "dense layer"} <= set(_texts(ax))
    assert ax.get_title() == "a dense layer"
    assert "hidden layer 1" in _texts(draw_network((2, 3, 3, 1)))


@pytest.mark.parametrize("bad, error", [("23", TypeError), ((2,), ValueError), ((2, 0), ValueError),
                                        ((2, 11), ValueError), ((2, 1.5), TypeError)])
def test_network_rejects_bad_sizes(bad, error):
    with pytest.raises(error):
        draw_network(bad)


def test_network_rejects_wrong_number_of_names():
    with pytest.raises(ValueError, match="layer_names"):
        draw_network((2, 2, 1), layer_names=["a", "b"])


def test_worked_example_writes_every_weight_on_its_arrow():
    ax = draw_worked_example(WEIGHTS)
    texts = _texts(ax)
    for key, value in WEIGHTS.items():
        assert f"$w_{{{key[1:]}}} = {value:g}$" in texts
    assert "$x_1 = 0.35$" in texts and "$x_2 = 0.9$" in texts
    assert len([p for p in ax.patches if type(p).__name__ == "FancyArrowPatch"]) == 6


def test_worked_example_shows_the_numbers_it_is_given():
    ax = draw_worked_example(dict(WEIGHTS, w35=0.272326), inputs=(1.0, 0.0))
    assert "$w_{35} = 0.272326$" in _texts(ax)
    assert "$x_2 = 0$" in _texts(ax)


def test_worked_example_rejects_bad_weights():
    with pytest.raises(TypeError, match="dict"):
        draw_worked_example([0.1] * 6)
    with pytest.raises(ValueError, match="missing"):
        draw_worked_example({"w13": 0.1})
    with pytest.raises(TypeError, match="w35"):
        draw_worked_example(dict(WEIGHTS, w35="0.3"))
    with pytest.raises(TypeError, match="finite"):
        draw_worked_example(dict(WEIGHTS, w45=float("nan")))
    with pytest.raises(ValueError, match="pair"):
        draw_worked_example(WEIGHTS, inputs=(1.0,))
