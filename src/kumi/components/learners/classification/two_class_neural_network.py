"""Two-Class Neural Network."""

from __future__ import annotations

from kumi.components._learning.families.neural_networks import (
    NeuralNetworkParams,
    neural_network_classifier,
)
from kumi.components._learning.learner_component import LearnerComponent
from kumi.core import Category, ModelKind


class TwoClassNeuralNetwork(LearnerComponent[NeuralNetworkParams]):
    id = "two_class_neural_network"
    name = "Two-Class Neural Network"
    category = Category.CLASSIFICATION
    description = (
        "A neural network with one fully connected hidden layer for a label with two classes."
    )
    Params = NeuralNetworkParams
    kind = ModelKind.BINARY_CLASSIFIER
    factory = staticmethod(neural_network_classifier)
