"""Decision forests: bagging → random forest; replicate → extremely randomized trees, each
grown on all rows with random split thresholds."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any, Literal

from pydantic import Field
from sklearn.ensemble import (
    ExtraTreesClassifier,
    ExtraTreesRegressor,
    RandomForestClassifier,
    RandomForestRegressor,
)

from kumi.components._learning.featurizer import FeaturizerOptions
from kumi.components._learning.learner import Estimator
from kumi.components._learning.learner_component import LearnerParams

Trees = Annotated[int, Field(ge=1, le=10000)]
Depth = Annotated[int, Field(ge=1, le=1000)]
LeafSamples = Annotated[int, Field(ge=1)]


class DecisionForestParams(LearnerParams):
    resampling_method: Literal["bagging", "replicate"] = Field(
        "bagging",
        description="bagging: each tree sees a bootstrap sample; replicate: each tree sees "
        "all rows and splits at random thresholds.",
    )
    number_of_decision_trees: Trees = Field(8, description="Trees in the forest.")
    maximum_depth_of_the_decision_trees: Depth = Field(32, description="Deepest tree level.")
    minimum_number_of_samples_per_leaf_node: LeafSamples = Field(
        1, description="Fewest training rows in a leaf."
    )
    random_number_seed: int = Field(0, ge=0, description="Seed of the random generator.")
    number_of_decision_trees_range: list[Trees] = Field([1, 8, 32], min_length=1)
    maximum_depth_of_the_decision_trees_range: list[Depth] = Field([1, 16, 64], min_length=1)
    minimum_number_of_samples_per_leaf_node_range: list[LeafSamples] = Field(
        [1, 4, 16], min_length=1
    )


class ClassificationForestParams(DecisionForestParams):
    allow_unknown_values_for_categorical_features: bool = Field(
        True,
        description="Score categories never seen in training (as all-zero indicators) "
        "instead of failing.",
    )


def _settings(values: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "n_estimators": int(values["number_of_decision_trees"]),
        "max_depth": int(values["maximum_depth_of_the_decision_trees"]),
        "min_samples_leaf": int(values["minimum_number_of_samples_per_leaf_node"]),
        "bootstrap": values["resampling_method"] == "bagging",
        "random_state": int(values["random_number_seed"]),
    }


def forest_classifier(values: Mapping[str, Any]) -> Estimator:
    """Random forest (bagging) or extra trees (replicate) classifier."""
    kind = (
        RandomForestClassifier if values["resampling_method"] == "bagging" else ExtraTreesClassifier
    )
    unknown = values.get("allow_unknown_values_for_categorical_features", True)
    options = FeaturizerOptions(unknown_categories="ignore" if unknown else "error")
    return Estimator(kind(**_settings(values)), options)


def forest_regressor(values: Mapping[str, Any]) -> Estimator:
    """Random forest (bagging) or extra trees (replicate) regressor."""
    kind = (
        RandomForestRegressor if values["resampling_method"] == "bagging" else ExtraTreesRegressor
    )
    return Estimator(kind(**_settings(values)))
