"""Multiclass Neural Network."""

from __future__ import annotations

from kumi.components._learning.families.neural_networks import (
    NeuralNetworkParams,
    neural_network_classifier,
)
from kumi.components._learning.learner_component import LearnerComponent
from kumi.core import Category, ModelKind


class MulticlassNeuralNetwork(LearnerComponent[NeuralNetworkParams]):
    id = "multiclass_neural_network"
    name = "Multiclass Neural Network"
    category = Category.CLASSIFICATION
    description = (
        "A neural network with one fully connected hidden layer for a label with two or more "
        "classes."
    )
    Params = NeuralNetworkParams
    kind = ModelKind.MULTICLASS_CLASSIFIER
    factory = staticmethod(neural_network_classifier)
