"""Poisson Regression."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

from pydantic import Field
from sklearn.linear_model import PoissonRegressor

from kumi.components._learning.featurizer import FeaturizerOptions
from kumi.components._learning.learner import Estimator
from kumi.components._learning.learner_component import LearnerComponent, LearnerParams
from kumi.core import Category, ModelKind

Tolerance = Annotated[float, Field(gt=0.0, lt=1.0)]
Weight = Annotated[float, Field(ge=0.0)]


class PoissonRegressionParams(LearnerParams):
    optimization_tolerance: Tolerance = Field(
        1e-7, description="Stop when an iteration improves the loss by less than this."
    )
    l2_regularization_weight: Weight = Field(1.0, description="Weight of the L2 penalty.")
    optimization_tolerance_range: list[Tolerance] = Field([1e-4, 1e-7], min_length=1)
    l2_regularization_weight_range: list[Weight] = Field([0.01, 0.1, 1.0], min_length=1)


def poisson_regression(values: Mapping[str, Any]) -> Estimator:
    """Generalized linear model with a log link and Poisson deviance, on standardized
    features."""
    model = PoissonRegressor(
        alpha=float(values["l2_regularization_weight"]),
        tol=float(values["optimization_tolerance"]),
        max_iter=1000,
    )
    return Estimator(model, FeaturizerOptions(scaling="standard"))


class PoissonRegression(LearnerComponent[PoissonRegressionParams]):
    id = "poisson_regression"
    name = "Poisson Regression"
    category = Category.REGRESSION
    description = "Predicts counts (a non-negative numeric label) with a Poisson model."
    Params = PoissonRegressionParams
    kind = ModelKind.REGRESSOR
    factory = staticmethod(poisson_regression)
    non_negative_label = True
