"""Clip Values: replace values above and/or below thresholds."""

from __future__ import annotations

from typing import Literal

import pandas as pd
from pydantic import Field

from kumi.components._transforms.clipping import (
    Substitute,
    ThresholdKind,
    clip_column,
    substitute_of,
    threshold_of,
)
from kumi.components._transforms.columns import numeric_features, selected_columns, unique_name
from kumi.core import (
    Category,
    ColumnSelection,
    Component,
    InputPort,
    Inputs,
    OutputPort,
    Outputs,
    Params,
    PortType,
    RunContext,
    Table,
)


class ClipValuesParams(Params):
    set_of_thresholds: Literal["clip_peaks", "clip_subpeaks", "clip_peaks_and_subpeaks"] = (
        "clip_peaks"
    )
    upper_threshold: ThresholdKind = "constant"
    constant_value_for_upper_threshold: float = 99.0
    percentile_number_for_upper_threshold: float = Field(99.0, ge=0.0, le=100.0)
    lower_threshold: ThresholdKind = "constant"
    constant_value_for_lower_threshold: float = 0.0
    percentile_number_for_lower_threshold: float = Field(1.0, ge=0.0, le=100.0)
    substitute_value_for_peaks: Substitute = "threshold"
    substitute_value_for_subpeaks: Substitute = "threshold"
    list_of_columns: ColumnSelection = Field(default=numeric_features())
    overwrite_flag: bool = Field(True, description="Else add '<column>_clipped' columns.")
    add_indicator_columns: bool = Field(False, description="Add '<column>_is_clipped' 0/1 columns.")


class ClipValues(Component[ClipValuesParams]):
    id = "clip_values"
    name = "Clip Values"
    category = Category.DATA_TRANSFORMATION
    description = (
        "Replaces values above an upper threshold (peaks) and/or below a lower one (subpeaks), "
        "given as constants or percentiles, with the threshold, the mean, the median or a "
        "missing value."
    )
    Params = ClipValuesParams
    inputs = (InputPort("dataset", PortType.TABLE),)
    outputs = (OutputPort("results_dataset", PortType.TABLE),)

    def run(self, params: ClipValuesParams, inputs: Inputs, ctx: RunContext) -> Outputs:
        table = inputs.table("dataset")
        columns = selected_columns(table, params.list_of_columns, "list_of_columns")
        table.require_numeric(columns, purpose="Clip Values")
        frame = table.frame.copy()
        for column in columns:
            values, clipped = clip_column(
                table.frame[column], _upper(params, table, column), _lower(params, table, column)
            )
            target = (
                column if params.overwrite_flag else unique_name(f"{column}_clipped", _names(frame))
            )
            frame[target] = values
            if params.add_indicator_columns:
                frame[unique_name(f"{column}_is_clipped", _names(frame))] = clipped.astype("int64")
        return {"results_dataset": table.derive(frame)}


def _upper(params: ClipValuesParams, table: Table, column: str) -> tuple[float, float] | None:
    if params.set_of_thresholds == "clip_subpeaks":
        return None
    values: pd.Series = table.frame[column]
    threshold = threshold_of(
        values,
        params.upper_threshold,
        params.constant_value_for_upper_threshold,
        params.percentile_number_for_upper_threshold,
    )
    return threshold, substitute_of(values, params.substitute_value_for_peaks, threshold)


def _lower(params: ClipValuesParams, table: Table, column: str) -> tuple[float, float] | None:
    if params.set_of_thresholds == "clip_peaks":
        return None
    values: pd.Series = table.frame[column]
    threshold = threshold_of(
        values,
        params.lower_threshold,
        params.constant_value_for_lower_threshold,
        params.percentile_number_for_lower_threshold,
    )
    return threshold, substitute_of(values, params.substitute_value_for_subpeaks, threshold)


def _names(frame: pd.DataFrame) -> list[str]:
    return [str(c) for c in frame.columns]
