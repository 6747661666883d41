"""Wrong: the output layer uses ReLU, so standardised (negative) values can never be reconstructed."""
# lose: test_build_autoencoder
# keep: rest
import keras
from keras import layers


def build_autoencoder(n_features, bottleneck, hidden=(16,)):
    n_features, bottleneck, hidden = int(n_features), int(bottleneck), [int(h) for h in hidden]
    if bottleneck < 1 or bottleneck >= n_features or any(h < bottleneck for h in hidden):
        raise ValueError("bad bottleneck")
    model = keras.Sequential([keras.Input(shape=(n_features,))])
    for h in hidden:
        model.add(layers.Dense(h, activation="relu"))
    model.add(layers.Dense(bottleneck))
    for h in reversed(hidden):
        model.add(layers.Dense(h, activation="relu"))
    model.add(layers.Dense(n_features, activation="relu"))
    return model
