"""Wrong (fails the visible layer check): a dense network within the budget (about 42,000 parameters) but without any Conv2D or pooling layer."""
# lose: test_build_cnn
# keep: rest
import keras
from keras import layers


def build_cnn(input_shape, n_classes):
    return keras.Sequential([
        keras.Input(shape=input_shape),
        layers.Flatten(),
        layers.Dense(256, activation="relu"),
        layers.Dense(96, activation="relu"),
        layers.Dense(n_classes, activation="softmax"),
    ])
