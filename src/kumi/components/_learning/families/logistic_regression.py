"""Logistic regression with Azure's L1/L2 weights (elastic net when both are set)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Annotated, Any

from pydantic import Field
from sklearn.linear_model import LogisticRegression

from kumi.components._learning.featurizer import FeaturizerOptions
from kumi.components._learning.learner import Estimator
from kumi.components._learning.learner_component import LearnerParams

Tolerance = Annotated[float, Field(gt=0.0, lt=1.0)]
Weight = Annotated[float, Field(ge=0.0)]


class LogisticRegressionParams(LearnerParams):
    optimization_tolerance: Tolerance = Field(
        1e-7, description="Stop when an iteration improves the loss by less than this."
    )
    l1_regularization_weight: Weight = Field(1.0, description="Weight of the L1 penalty.")
    l2_regularization_weight: Weight = Field(1.0, description="Weight of the L2 penalty.")
    random_number_seed: int = Field(0, ge=0, description="Seed of the random generator.")
    optimization_tolerance_range: list[Tolerance] = Field([1e-4, 1e-7], min_length=1)
    l1_regularization_weight_range: list[Weight] = Field([0.0, 0.01, 0.1, 1.0], min_length=1)
    l2_regularization_weight_range: list[Weight] = Field([0.01, 0.1, 1.0], min_length=1)


def logistic_regression(values: Mapping[str, Any]) -> Estimator:
    """Minimises the summed log loss + l1·|w|₁ + l2/2·|w|² on standardized features."""
    l1 = float(values["l1_regularization_weight"])
    l2 = float(values["l2_regularization_weight"])
    total = l1 + l2
    model = LogisticRegression(
        C=1.0 / total if total > 0 else math.inf,
        l1_ratio=l1 / total if total > 0 else 0.0,
        solver="saga" if l1 > 0 else "lbfgs",
        tol=float(values["optimization_tolerance"]),
        max_iter=1000,
        random_state=int(values["random_number_seed"]),
    )
    return Estimator(model, FeaturizerOptions(scaling="standard"))
