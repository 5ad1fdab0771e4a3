"""Two-Class Boosted Decision Tree."""

from __future__ import annotations

from kumi.components._learning.families.boosted_trees import (
    BoostedTreeParams,
    boosted_tree_classifier,
)
from kumi.components._learning.learner_component import LearnerComponent
from kumi.core import Category, ModelKind


class TwoClassBoostedDecisionTree(LearnerComponent[BoostedTreeParams]):
    id = "two_class_boosted_decision_tree"
    name = "Two-Class Boosted Decision Tree"
    category = Category.CLASSIFICATION
    description = (
        "Gradient-boosted decision trees (LightGBM) for a label with two classes; handles "
        "missing values natively."
    )
    Params = BoostedTreeParams
    kind = ModelKind.BINARY_CLASSIFIER
    factory = staticmethod(boosted_tree_classifier)
