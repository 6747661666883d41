"""Wrong: ignores its arguments and always builds a model for 8x8x1 images and 10 classes."""
# lose: test_build_cnn
# keep: rest
import keras
from keras import layers


def build_cnn(input_shape, n_classes):
    return keras.Sequential([
        keras.Input(shape=(8, 8, 1)),
        layers.Conv2D(32, 3, padding="same", activation="relu"),
        layers.MaxPooling2D(2),
        layers.Flatten(),
        layers.Dense(10, activation="softmax"),
    ])
