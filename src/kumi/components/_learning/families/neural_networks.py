"""Fully connected neural networks with one hidden layer trained by stochastic gradient
descent in mini-batches of 32 rows (the Azure designer's "fully connected case")."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any, Literal

from pydantic import Field
from sklearn.compose import TransformedTargetRegressor
from sklearn.neural_network import MLPClassifier, MLPRegressor
from sklearn.preprocessing import StandardScaler

from kumi.components._learning.featurizer import FeaturizerOptions, Scaling
from kumi.components._learning.learner import Estimator
from kumi.components._learning.learner_component import LearnerParams

Nodes = Annotated[int, Field(ge=1, le=100000)]
Rate = Annotated[float, Field(gt=0.0, le=10.0)]
Iterations = Annotated[int, Field(ge=1, le=100000)]
Normalizer = Literal["min_max", "gaussian", "do_not_normalize"]
_SCALING: dict[str, Scaling] = {"min_max": "min_max", "gaussian": "standard"}


class NeuralNetworkParams(LearnerParams):
    number_of_hidden_nodes: Nodes = Field(100, description="Nodes in the hidden layer.")
    the_learning_rate: Rate = Field(0.1, description="Step size of each gradient step.")
    number_of_learning_iterations: Iterations = Field(
        100, description="Passes over the training rows."
    )
    the_momentum: float = Field(0.0, ge=0.0, lt=1.0, description="Momentum of the steps.")
    the_type_of_normalizer: Normalizer = Field(
        "min_max", description="How numeric features are scaled before training."
    )
    shuffle_examples: bool = Field(True, description="Shuffle rows between iterations.")
    random_number_seed: int = Field(0, ge=0, description="Seed of the random generator.")
    allow_unknown_categorical_levels: bool = Field(
        True, description="Score categories never seen in training instead of failing."
    )
    the_learning_rate_range: list[Rate] = Field([0.1, 0.2, 0.4], min_length=1)
    number_of_learning_iterations_range: list[Iterations] = Field([20, 40, 80, 160], min_length=1)


class NeuralNetworkRegressionParams(NeuralNetworkParams):
    the_learning_rate: Rate = Field(0.005, description="Step size of each gradient step.")
    the_learning_rate_range: list[Rate] = Field([0.005, 0.01, 0.02], min_length=1)


def _settings(values: Mapping[str, Any]) -> dict[str, Any]:
    momentum = float(values["the_momentum"])
    return {
        "hidden_layer_sizes": (int(values["number_of_hidden_nodes"]),),
        "solver": "sgd",
        "batch_size": 32,
        "learning_rate_init": float(values["the_learning_rate"]),
        "max_iter": int(values["number_of_learning_iterations"]),
        "momentum": momentum,
        "nesterovs_momentum": momentum > 0,
        "shuffle": bool(values["shuffle_examples"]),
        "random_state": int(values["random_number_seed"]),
    }


def _featurizer(values: Mapping[str, Any]) -> FeaturizerOptions:
    return FeaturizerOptions(
        scaling=_SCALING.get(str(values["the_type_of_normalizer"]), "none"),
        unknown_categories="ignore" if values["allow_unknown_categorical_levels"] else "error",
    )


def neural_network_classifier(values: Mapping[str, Any]) -> Estimator:
    """One-hidden-layer perceptron classifier (binary or multiclass follows the label)."""
    return Estimator(MLPClassifier(**_settings(values)), _featurizer(values))


def neural_network_regressor(values: Mapping[str, Any]) -> Estimator:
    """One-hidden-layer perceptron regressor, trained on the standardized label (so that
    the gradient steps suit labels of any scale) and answering on the label's scale."""
    network = MLPRegressor(**_settings(values))
    model = TransformedTargetRegressor(regressor=network, transformer=StandardScaler())
    return Estimator(model, _featurizer(values))
