"""Multiclass Boosted Decision Tree."""

from __future__ import annotations

from kumi.components._learning.families.boosted_trees import (
    BoostedTreeParams,
    boosted_tree_classifier,
)
from kumi.components._learning.learner_component import LearnerComponent
from kumi.core import Category, ModelKind


class MulticlassBoostedDecisionTree(LearnerComponent[BoostedTreeParams]):
    id = "multiclass_boosted_decision_tree"
    name = "Multiclass Boosted Decision Tree"
    category = Category.CLASSIFICATION
    description = (
        "Gradient-boosted decision trees (LightGBM) for a label with two or more classes; "
        "handles missing values natively."
    )
    Params = BoostedTreeParams
    kind = ModelKind.MULTICLASS_CLASSIFIER
    factory = staticmethod(boosted_tree_classifier)
