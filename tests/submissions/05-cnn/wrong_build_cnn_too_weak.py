"""Wrong (passes the visible test, fails the hidden training test): two 3x3 filters and heavy pooling leave too little capacity for 97%."""
# lose: test_build_cnn
# keep: rest
import keras
from keras import layers


def build_cnn(input_shape, n_classes):
    return keras.Sequential([
        keras.Input(shape=input_shape),
        layers.Conv2D(1, 3, activation="relu"),
        layers.MaxPooling2D(3),
        layers.Flatten(),
        layers.Dense(n_classes, activation="softmax"),
    ])
