"""Multiclass Logistic Regression."""

from __future__ import annotations

from kumi.components._learning.families.logistic_regression import (
    LogisticRegressionParams,
    logistic_regression,
)
from kumi.components._learning.learner_component import LearnerComponent
from kumi.core import Category, ModelKind


class MulticlassLogisticRegression(LearnerComponent[LogisticRegressionParams]):
    id = "multiclass_logistic_regression"
    name = "Multiclass Logistic Regression"
    category = Category.CLASSIFICATION
    description = (
        "Multinomial logistic regression for a label with two or more classes, with L1 and "
        "L2 regularization."
    )
    Params = LogisticRegressionParams
    kind = ModelKind.MULTICLASS_CLASSIFIER
    factory = staticmethod(logistic_regression)
