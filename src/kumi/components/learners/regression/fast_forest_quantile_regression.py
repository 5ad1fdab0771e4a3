"""Fast Forest Quantile Regression."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

from pydantic import Field, field_validator

from kumi.components._learning.learner import Estimator
from kumi.components._learning.learner_component import LearnerComponent
from kumi.components._learning.quantile_forest import QuantileForestRegressor
from kumi.core import Category, ModelKind, Params

Fraction = Annotated[float, Field(gt=0.0, le=1.0)]
Quantile = Annotated[float, Field(gt=0.0, lt=1.0)]


class FastForestQuantileRegressionParams(Params):
    number_of_trees: int = Field(100, ge=1, le=10000, description="Trees in the forest.")
    number_of_leaves: int = Field(20, ge=2, le=100000, description="Most leaves in a tree.")
    minimum_number_of_training_instances_required_to_form_a_leaf: int = Field(
        10, ge=1, description="Fewest training rows in a leaf."
    )
    bagging_fraction: Fraction = Field(0.7, description="Share of rows each tree is grown on.")
    split_fraction: Fraction = Field(0.7, description="Share of features tried at each split.")
    quantile_sample_count: int = Field(
        100, ge=1, le=10000, description="Training labels each leaf keeps to estimate quantiles."
    )
    quantiles_to_be_estimated: list[Quantile] = Field(
        [0.25, 0.5, 0.75], min_length=1, description="One output column per quantile."
    )
    random_number_seed: int = Field(0, ge=0, description="Seed of the random generator.")

    @field_validator("quantiles_to_be_estimated")
    @classmethod
    def _sorted_unique(cls, value: list[float]) -> list[float]:
        return sorted(set(value))


def quantile_forest(values: Mapping[str, Any]) -> Estimator:
    """A quantile regression forest."""
    model = QuantileForestRegressor(
        quantiles=tuple(values["quantiles_to_be_estimated"]),
        n_estimators=int(values["number_of_trees"]),
        max_leaf_nodes=int(values["number_of_leaves"]),
        min_samples_leaf=int(
            values["minimum_number_of_training_instances_required_to_form_a_leaf"]
        ),
        max_samples=float(values["bagging_fraction"]),
        max_features=float(values["split_fraction"]),
        sample_count=int(values["quantile_sample_count"]),
        random_state=int(values["random_number_seed"]),
    )
    return Estimator(model)


class FastForestQuantileRegression(LearnerComponent[FastForestQuantileRegressionParams]):
    id = "fast_forest_quantile_regression"
    name = "Fast Forest Quantile Regression"
    category = Category.REGRESSION
    description = (
        "A quantile regression forest: predicts the chosen quantiles of the label's "
        "distribution (scored as Quantile:<q> columns)."
    )
    Params = FastForestQuantileRegressionParams
    kind = ModelKind.QUANTILE_REGRESSOR
    factory = staticmethod(quantile_forest)
