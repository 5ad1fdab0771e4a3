"""Filter Based Feature Selection: keep the features that score best against the target."""

from __future__ import annotations

from typing import Literal

import pandas as pd
from pydantic import Field

from kumi.components.feature_selection._scoring import chi_squared_score, pearson_score
from kumi.core import (
    Category,
    ColumnName,
    ColumnRole,
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
)

FEATURE, SCORE, SELECTED = "Feature", "Score", "Selected"


class FilterBasedFeatureSelectionParams(Params):
    feature_scoring_method: Literal["pearson_correlation", "chi_squared"] = "pearson_correlation"
    operate_on_feature_columns_only: bool = Field(
        True, description="Score only feature columns (else every non-label, non-score column)."
    )
    target_column: ColumnName | None = Field(None, description="Default: the table's label.")
    number_of_desired_features: int = Field(1, ge=1)


class FilterBasedFeatureSelection(Component[FilterBasedFeatureSelectionParams]):
    id = "filter_based_feature_selection"
    name = "Filter Based Feature Selection"
    category = Category.FEATURE_SELECTION
    description = (
        "Scores each feature against the target column (absolute Pearson correlation or "
        "chi-squared) and keeps the target and the best N features. 'features' lists every "
        "scored column with its score and whether it was selected."
    )
    Params = FilterBasedFeatureSelectionParams
    inputs = (InputPort("dataset", PortType.TABLE),)
    outputs = (
        OutputPort("filtered_dataset", PortType.TABLE),
        OutputPort("features", PortType.TABLE, description="Feature, Score, Selected."),
    )

    def run(
        self, params: FilterBasedFeatureSelectionParams, inputs: Inputs, ctx: RunContext
    ) -> Outputs:
        table = inputs.table("dataset")
        target = _target(table, params.target_column)
        scores = _scores(table, target, params)
        chosen = list(scores.index[: params.number_of_desired_features])
        ctx.log(f"Selected: {', '.join(chosen) or '(none)'}")
        features = pd.DataFrame(
            {FEATURE: scores.index, SCORE: scores.to_numpy(), SELECTED: scores.index.isin(chosen)}
        )
        filtered = table.derive(table.frame[[target, *chosen]], roles={target: ColumnRole.LABEL})
        return {"filtered_dataset": filtered, "features": Table.of(features)}


def selected_features(features: Table) -> list[str]:
    """The selected feature names of a ``features`` output, best first."""
    frame = features.frame
    features.require_columns([FEATURE, SELECTED], purpose="the selected features")
    return [str(name) for name in frame.loc[frame[SELECTED].astype(bool), FEATURE]]


def _target(table: Table, column: str | None) -> str:
    target = column or table.label
    if target is None:
        raise InvalidParameterError(
            "No target column: set 'target_column' or mark the label with Edit Metadata.",
            details={"parameter": "target_column"},
        )
    table.require_columns([target], purpose="the target")
    if table.frame[target].isna().all():
        raise InvalidInputError(
            f"Target column '{target}' has only missing values; choose another target.",
            details={"column": target},
        )
    return target


def _scores(table: Table, target: str, params: FilterBasedFeatureSelectionParams) -> pd.Series:
    """Scores of the candidate columns, best first (ties keep table order)."""
    excluded = {ColumnRole.LABEL, ColumnRole.SCORE}
    if params.operate_on_feature_columns_only:
        candidates = [c for c in table.feature_columns() if c != target]
    else:
        candidates = [c for c in table.columns if c != target and table.role(c) not in excluded]
    y = table.frame[target]
    categorical = target in table.categorical
    values = {
        c: pearson_score(table.frame[c], y, categorical)
        if params.feature_scoring_method == "pearson_correlation"
        else chi_squared_score(table.frame[c], y)
        for c in candidates
    }
    return pd.Series(values, dtype="float64").sort_values(ascending=False, kind="stable")
