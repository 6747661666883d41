"""Wrong: passes the sizes to Dense unchanged, so numpy integer sizes (which Keras refuses) fail."""
# lose: test_build_autoencoder_validation
# keep: rest
import keras
from keras import layers


def build_autoencoder(n_features, bottleneck, hidden=(16,)):
    if bottleneck < 1 or bottleneck >= n_features or any(h < bottleneck for h in hidden):
        raise ValueError("bad bottleneck")
    model = keras.Sequential([keras.Input(shape=(n_features,))])
    for h in hidden:
        model.add(layers.Dense(h, activation="relu"))
    model.add(layers.Dense(bottleneck))
    for h in reversed(hidden):
        model.add(layers.Dense(h, activation="relu"))
    model.add(layers.Dense(n_features))
    return model
