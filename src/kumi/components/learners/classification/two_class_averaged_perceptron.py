"""Two-Class Averaged Perceptron."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

from pydantic import Field
from sklearn.linear_model import SGDClassifier

from kumi.components._learning.families.calibration import calibrated
from kumi.components._learning.featurizer import FeaturizerOptions
from kumi.components._learning.learner import Estimator
from kumi.components._learning.learner_component import LearnerComponent, LearnerParams
from kumi.core import Category, ModelKind

Rate = Annotated[float, Field(gt=0.0)]
Iterations = Annotated[int, Field(ge=1, le=100000)]


class TwoClassAveragedPerceptronParams(LearnerParams):
    learning_rate: Rate = Field(1.0, description="Step size of each update.")
    maximum_number_of_iterations: Iterations = Field(
        10, description="Passes over the training rows."
    )
    random_number_seed: int = Field(0, ge=0, description="Seed of the random generator.")
    allow_unknown_categorical_levels: bool = Field(
        True, description="Score categories never seen in training instead of failing."
    )
    learning_rate_range: list[Rate] = Field([0.1, 0.5, 1.0], min_length=1)
    maximum_number_of_iterations_range: list[Iterations] = Field([1, 10], min_length=1)


def averaged_perceptron(values: Mapping[str, Any]) -> Estimator:
    """Perceptron updates with averaged weights, sigmoid-calibrated probabilities."""
    margin = SGDClassifier(
        loss="perceptron",
        penalty=None,
        learning_rate="constant",
        eta0=float(values["learning_rate"]),
        max_iter=int(values["maximum_number_of_iterations"]),
        tol=None,
        average=True,
        random_state=int(values["random_number_seed"]),
    )
    options = FeaturizerOptions(
        scaling="standard",
        unknown_categories="ignore" if values["allow_unknown_categorical_levels"] else "error",
    )
    return Estimator(calibrated(margin), options)


class TwoClassAveragedPerceptron(LearnerComponent[TwoClassAveragedPerceptronParams]):
    id = "two_class_averaged_perceptron"
    name = "Two-Class Averaged Perceptron"
    category = Category.CLASSIFICATION
    description = "An averaged perceptron (a linear classifier) for a label with two classes."
    Params = TwoClassAveragedPerceptronParams
    kind = ModelKind.BINARY_CLASSIFIER
    factory = staticmethod(averaged_perceptron)
