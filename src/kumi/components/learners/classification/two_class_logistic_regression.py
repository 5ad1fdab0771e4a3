"""Two-Class Logistic Regression."""

from __future__ import annotations

from kumi.components._learning.families.logistic_regression import (
    LogisticRegressionParams,
    logistic_regression,
)
from kumi.components._learning.learner_component import LearnerComponent
from kumi.core import Category, ModelKind


class TwoClassLogisticRegression(LearnerComponent[LogisticRegressionParams]):
    id = "two_class_logistic_regression"
    name = "Two-Class Logistic Regression"
    category = Category.CLASSIFICATION
    description = "Logistic regression for a label with two classes, with L1 and L2 regularization."
    Params = LogisticRegressionParams
    kind = ModelKind.BINARY_CLASSIFIER
    factory = staticmethod(logistic_regression)
