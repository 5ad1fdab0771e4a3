"""Neural Network Regression."""

from __future__ import annotations

from kumi.components._learning.families.neural_networks import (
    NeuralNetworkRegressionParams,
    neural_network_regressor,
)
from kumi.components._learning.learner_component import LearnerComponent
from kumi.core import Category, ModelKind


class NeuralNetworkRegression(LearnerComponent[NeuralNetworkRegressionParams]):
    id = "neural_network_regression"
    name = "Neural Network Regression"
    category = Category.REGRESSION
    description = "A neural network with one fully connected hidden layer predicting a number."
    Params = NeuralNetworkRegressionParams
    kind = ModelKind.REGRESSOR
    factory = staticmethod(neural_network_regressor)
