"""Permutation Feature Importance: how much a trained model's metric drops when one feature's
values are shuffled."""

from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd
from pydantic import Field

from kumi.components._learning.evaluation import evaluate
from kumi.components._learning.metrics import LOWER_IS_BETTER
from kumi.core import (
    Category,
    Component,
    InputPort,
    Inputs,
    InvalidInputError,
    InvalidParameterError,
    OutputPort,
    Outputs,
    Params,
    PortType,
    RunContext,
    Table,
    TrainedModel,
)

Metric = Literal[
    "accuracy",
    "precision",
    "recall",
    "mean_absolute_error",
    "root_mean_squared_error",
    "relative_absolute_error",
    "relative_squared_error",
    "coefficient_of_determination",
]
_MULTICLASS = {"precision": "macro_precision", "recall": "macro_recall"}


class PermutationFeatureImportanceParams(Params):
    random_seed: int = Field(0, ge=0, description="Seed of the shuffles.")
    metric_for_measuring_performance: Metric = Field(
        "accuracy", description="Metric whose change measures a feature's importance."
    )


class PermutationFeatureImportance(Component[PermutationFeatureImportanceParams]):
    id = "permutation_feature_importance"
    name = "Permutation Feature Importance"
    category = Category.FEATURE_SELECTION
    description = (
        "Scores the test data once as is and once per feature with that feature's values "
        "shuffled; a feature's importance is how much the chosen metric gets worse."
    )
    Params = PermutationFeatureImportanceParams
    inputs = (
        InputPort("trained_model", PortType.TRAINED_MODEL),
        InputPort("test_data", PortType.TABLE),
    )
    outputs = (OutputPort("feature_importance", PortType.TABLE),)

    def run(
        self, params: PermutationFeatureImportanceParams, inputs: Inputs, ctx: RunContext
    ) -> Outputs:
        model = inputs.trained_model("trained_model")
        data = _labelled(inputs.table("test_data"), model)
        baseline = evaluate(model.score(data), "test_data").metrics
        metric = _metric_name(params.metric_for_measuring_performance, baseline)
        rng = np.random.default_rng(params.random_seed)
        scores = []
        for feature in model.feature_columns_:
            shuffled = data.frame.copy()
            shuffled[feature] = rng.permutation(shuffled[feature].to_numpy())
            value = evaluate(model.score(data.derive(shuffled)), "test_data").metrics.get(
                metric, np.nan
            )
            change = baseline[metric] - value
            scores.append(-change if metric in LOWER_IS_BETTER else change)
        frame = pd.DataFrame({"Feature": model.feature_columns_, "Score": scores})
        frame = frame.sort_values("Score", ascending=False, kind="stable").reset_index(drop=True)
        return {"feature_importance": Table.of(frame)}


def _labelled(table: Table, model: TrainedModel) -> Table:
    label = model.label_column
    if not label:
        raise InvalidInputError(
            f"Permutation Feature Importance needs a classification or regression model; "
            f"'{model.learner_id}' was trained without a label.",
            details={"port": "trained_model", "learner": model.learner_id},
        )
    table.require_columns([label], purpose="the label of the test data")
    return table.with_label(label)


def _metric_name(chosen: str, available: dict[str, float]) -> str:
    for name in (chosen, _MULTICLASS.get(chosen, chosen)):
        if name in available:
            return name
    raise InvalidParameterError(
        f"Metric '{chosen}' does not apply to this model; choose one of "
        f"{', '.join(sorted(available))}.",
        details={"parameter": "metric_for_measuring_performance", "available": sorted(available)},
    )
