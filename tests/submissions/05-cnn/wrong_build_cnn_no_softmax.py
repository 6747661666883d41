"""Wrong: the last Dense layer has no activation, so the model outputs logits, not probabilities."""
# lose: test_build_cnn
# keep: rest
import keras
from keras import layers


def build_cnn(input_shape, n_classes):
    return keras.Sequential([
        keras.Input(shape=input_shape),
        layers.Conv2D(32, 3, padding="same", activation="relu"),
        layers.MaxPooling2D(2),
        layers.Flatten(),
        layers.Dense(n_classes),
    ])
