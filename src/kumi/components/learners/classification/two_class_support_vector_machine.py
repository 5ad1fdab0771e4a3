"""Two-Class Support Vector Machine."""

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

Iterations = Annotated[int, Field(ge=1, le=100000)]
Lambda = Annotated[float, Field(gt=0.0)]


class TwoClassSupportVectorMachineParams(LearnerParams):
    number_of_iterations: Iterations = Field(1, description="Passes over the training rows.")
    lambda_: Lambda = Field(0.001, alias="lambda", description="Weight of the L2 penalty.")
    normalize_features: bool = Field(True, description="Standardize numeric features first.")
    project_to_the_unit_sphere: bool = Field(
        False, description="Scale each row's feature vector to length 1."
    )
    random_number_seed: int = Field(0, ge=0, description="Seed of the random generator.")
    allow_unknown_categorical_levels: bool = Field(
        True, description="Score categories never seen in training instead of failing."
    )
    number_of_iterations_range: list[Iterations] = Field([1, 10, 100], min_length=1)
    lambda_range: list[Lambda] = Field([1e-5, 1e-4, 1e-3, 1e-2, 0.1], min_length=1)


def support_vector_machine(values: Mapping[str, Any]) -> Estimator:
    """Linear SVM (hinge loss, Pegasos-style stochastic gradient steps) with sigmoid-
    calibrated probabilities."""
    margin = SGDClassifier(
        loss="hinge",
        alpha=float(values["lambda"]),
        max_iter=int(values["number_of_iterations"]),
        tol=None,
        random_state=int(values["random_number_seed"]),
    )
    options = FeaturizerOptions(
        scaling="standard" if values["normalize_features"] else "none",
        unit_norm=bool(values["project_to_the_unit_sphere"]),
        unknown_categories="ignore" if values["allow_unknown_categorical_levels"] else "error",
    )
    return Estimator(calibrated(margin), options)


class TwoClassSupportVectorMachine(LearnerComponent[TwoClassSupportVectorMachineParams]):
    id = "two_class_support_vector_machine"
    name = "Two-Class Support Vector Machine"
    category = Category.CLASSIFICATION
    description = "A linear support vector machine for a label with two classes."
    Params = TwoClassSupportVectorMachineParams
    kind = ModelKind.BINARY_CLASSIFIER
    factory = staticmethod(support_vector_machine)
