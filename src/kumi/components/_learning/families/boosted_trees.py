"""Boosted decision trees (LightGBM gradient boosting, like the Azure designer's)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

from lightgbm import LGBMClassifier, LGBMRegressor
from pydantic import Field

from kumi.components._learning.featurizer import FeaturizerOptions
from kumi.components._learning.learner import Estimator
from kumi.components._learning.learner_component import LearnerParams

Leaves = Annotated[int, Field(ge=2, le=131072)]
LeafSamples = Annotated[int, Field(ge=1)]
Rate = Annotated[float, Field(gt=0.0, le=1.0)]
Trees = Annotated[int, Field(ge=1, le=100000)]


class BoostedTreeParams(LearnerParams):
    maximum_number_of_leaves_per_tree: Leaves = Field(20, description="Most leaves in a tree.")
    minimum_number_of_samples_per_leaf_node: LeafSamples = Field(
        10, description="Fewest training rows in a leaf."
    )
    learning_rate: Rate = Field(0.2, description="Step size of each boosting round (0, 1].")
    number_of_trees_constructed: Trees = Field(100, description="Boosting rounds.")
    random_number_seed: int = Field(0, ge=0, description="Seed of the random generator.")
    maximum_number_of_leaves_per_tree_range: list[Leaves] = Field([2, 8, 32, 128], min_length=1)
    minimum_number_of_samples_per_leaf_node_range: list[LeafSamples] = Field(
        [1, 10, 50], min_length=1
    )
    learning_rate_range: list[Rate] = Field([0.025, 0.05, 0.1, 0.2, 0.4], min_length=1)
    number_of_trees_constructed_range: list[Trees] = Field([20, 100, 500], min_length=1)


class BoostedTreeRegressionParams(LearnerParams):
    maximum_number_of_leaves_per_tree: Leaves = Field(20, description="Most leaves in a tree.")
    minimum_number_of_samples_per_leaf_node: LeafSamples = Field(
        10, description="Fewest training rows in a leaf."
    )
    learning_rate: Rate = Field(0.2, description="Step size of each boosting round (0, 1].")
    total_number_of_trees_constructed: Trees = Field(100, description="Boosting rounds.")
    random_number_seed: int = Field(0, ge=0, description="Seed of the random generator.")
    maximum_number_of_leaves_per_tree_range: list[Leaves] = Field([2, 8, 32, 128], min_length=1)
    minimum_number_of_samples_per_leaf_node_range: list[LeafSamples] = Field(
        [1, 10, 50], min_length=1
    )
    learning_rate_range: list[Rate] = Field([0.025, 0.05, 0.1, 0.2, 0.4], min_length=1)
    total_number_of_trees_constructed_range: list[Trees] = Field([20, 100, 500], min_length=1)


def _settings(values: Mapping[str, Any], trees: int) -> dict[str, Any]:
    return {
        "num_leaves": int(values["maximum_number_of_leaves_per_tree"]),
        "min_child_samples": int(values["minimum_number_of_samples_per_leaf_node"]),
        "learning_rate": float(values["learning_rate"]),
        "n_estimators": trees,
        "random_state": int(values["random_number_seed"]),
        "deterministic": True,
        "force_row_wise": True,
        "verbose": -1,
    }


def boosted_tree_classifier(values: Mapping[str, Any]) -> Estimator:
    """LightGBM classifier (binary or multiclass follows the label); takes NaN as is."""
    model = LGBMClassifier(**_settings(values, int(values["number_of_trees_constructed"])))
    return Estimator(model, FeaturizerOptions(impute_numeric=False))


def boosted_tree_regressor(values: Mapping[str, Any]) -> Estimator:
    """LightGBM regressor; takes NaN as is."""
    trees = int(values["total_number_of_trees_constructed"])
    return Estimator(
        LGBMRegressor(**_settings(values, trees)), FeaturizerOptions(impute_numeric=False)
    )
