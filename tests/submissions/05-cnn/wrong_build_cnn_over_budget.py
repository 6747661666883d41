"""Wrong (fails the visible budget check): a wide CNN, 64 filters twice and a 128-unit dense layer, about 170,000 parameters; it would train well, but the budget is 50,000."""
# lose: test_build_cnn
# keep: rest
import keras
from keras import layers


def build_cnn(input_shape, n_classes):
    return keras.Sequential([
        keras.Input(shape=input_shape),
        layers.Conv2D(64, 3, padding="same", activation="relu"),
        layers.Conv2D(64, 3, padding="same", activation="relu"),
        layers.MaxPooling2D(2),
        layers.Flatten(),
        layers.Dense(128, activation="relu"),
        layers.Dense(n_classes, activation="softmax"),
    ])
