"""Decision Forest Regression."""

from __future__ import annotations

from kumi.components._learning.families.decision_forests import (
    DecisionForestParams,
    forest_regressor,
)
from kumi.components._learning.learner_component import LearnerComponent
from kumi.core import Category, ModelKind


class DecisionForestRegression(LearnerComponent[DecisionForestParams]):
    id = "decision_forest_regression"
    name = "Decision Forest Regression"
    category = Category.REGRESSION
    description = (
        "An ensemble of regression trees whose predictions are averaged (random forest with "
        "bagging, extremely randomized trees with replicate)."
    )
    Params = DecisionForestParams
    kind = ModelKind.REGRESSOR
    factory = staticmethod(forest_regressor)
