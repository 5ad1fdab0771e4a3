"""Two-Class Decision Forest."""

from __future__ import annotations

from kumi.components._learning.families.decision_forests import (
    ClassificationForestParams,
    forest_classifier,
)
from kumi.components._learning.learner_component import LearnerComponent
from kumi.core import Category, ModelKind


class TwoClassDecisionForest(LearnerComponent[ClassificationForestParams]):
    id = "two_class_decision_forest"
    name = "Two-Class Decision Forest"
    category = Category.CLASSIFICATION
    description = (
        "An ensemble of decision trees voting on a label with two classes (random forest "
        "with bagging, extremely randomized trees with replicate)."
    )
    Params = ClassificationForestParams
    kind = ModelKind.BINARY_CLASSIFIER
    factory = staticmethod(forest_classifier)
