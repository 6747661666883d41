"""Wrong (passes the visible tests, fails the hidden training test): a CNN of the right shape but too small, four 3x3 filters and 410 parameters, reaches only about 90% to 92%."""
# lose: test_build_cnn
# keep: rest
import keras
from keras import layers


def build_cnn(input_shape, n_classes):
    return keras.Sequential([
        keras.Input(shape=input_shape),
        layers.Conv2D(4, 3, activation="relu"),
        layers.MaxPooling2D(2),
        layers.Flatten(),
        layers.Dense(n_classes, activation="softmax"),
    ])
