"""Wrong: the code layer takes the last hidden width instead of the bottleneck, so nothing is compressed (and a hidden width below the bottleneck goes unnoticed)."""
# lose: test_build_autoencoder test_build_autoencoder_validation
# keep: rest
import keras
from keras import layers


def build_autoencoder(n_features, bottleneck, hidden=(16,)):
    n_features, bottleneck, hidden = int(n_features), int(bottleneck), [int(h) for h in hidden]
    if bottleneck < 1 or bottleneck >= n_features:
        raise ValueError("bad bottleneck")
    model = keras.Sequential([keras.Input(shape=(n_features,))])
    for h in hidden:
        model.add(layers.Dense(h, activation="relu"))
    model.add(layers.Dense(hidden[-1]))
    for h in reversed(hidden):
        model.add(layers.Dense(h, activation="relu"))
    model.add(layers.Dense(n_features))
    return model
