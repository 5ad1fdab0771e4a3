"""Boosted Decision Tree Regression."""

from __future__ import annotations

from kumi.components._learning.families.boosted_trees import (
    BoostedTreeRegressionParams,
    boosted_tree_regressor,
)
from kumi.components._learning.learner_component import LearnerComponent
from kumi.core import Category, ModelKind


class BoostedDecisionTreeRegression(LearnerComponent[BoostedTreeRegressionParams]):
    id = "boosted_decision_tree_regression"
    name = "Boosted Decision Tree Regression"
    category = Category.REGRESSION
    description = "Gradient-boosted regression trees (LightGBM); handles missing values natively."
    Params = BoostedTreeRegressionParams
    kind = ModelKind.REGRESSOR
    factory = staticmethod(boosted_tree_regressor)
