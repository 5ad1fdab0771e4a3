"""Join Data: a database-style join of two datasets on key columns."""

from __future__ import annotations

from pydantic import Field

from kumi.components._transforms.columns import selected_columns
from kumi.components._transforms.combine import combined_table, right_renames
from kumi.components._transforms.join import JoinType, check_keys, join_frames
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
)


class JoinDataParams(Params):
    join_key_columns_for_left_dataset: ColumnSelection = Field(default_factory=ColumnSelection)
    join_key_columns_for_right_dataset: ColumnSelection = Field(
        default_factory=ColumnSelection, json_schema_extra={"x-kumi-input": "right_dataset"}
    )
    match_case: bool = Field(True, description="Compare text keys case-sensitively.")
    join_type: JoinType = "inner"
    keep_right_key_columns_in_joined_table: bool = True


class JoinData(Component[JoinDataParams]):
    id = "join_data"
    name = "Join Data"
    category = Category.DATA_TRANSFORMATION
    description = (
        "Joins two datasets on one or more key columns (inner, left outer, full outer or left "
        "semi-join). Right-hand columns whose names clash get the suffix _2; rows with a "
        "missing key match nothing."
    )
    Params = JoinDataParams
    inputs = (InputPort("left_dataset", PortType.TABLE), InputPort("right_dataset", PortType.TABLE))
    outputs = (OutputPort("results_dataset", PortType.TABLE),)
    example_params = {
        "join_key_columns_for_left_dataset": {"names": ["age"]},
        "join_key_columns_for_right_dataset": {"names": ["age"]},
    }
    example_inputs = {"left_dataset": "table", "right_dataset": "numeric_table"}

    def run(self, params: JoinDataParams, inputs: Inputs, ctx: RunContext) -> Outputs:
        left, right = inputs.table("left_dataset"), inputs.table("right_dataset")
        left_keys = selected_columns(
            left, params.join_key_columns_for_left_dataset, "join_key_columns_for_left_dataset"
        )
        right_keys = selected_columns(
            right, params.join_key_columns_for_right_dataset, "join_key_columns_for_right_dataset"
        )
        check_keys(left.frame, right.frame, left_keys, right_keys)
        renames = right_renames(left.columns, right.columns)
        right_frame = right.frame.rename(columns=renames)
        renamed_keys = [renames.get(k, k) for k in right_keys]
        frame = join_frames(
            left.frame,
            right_frame,
            left_keys,
            renamed_keys,
            join_type=params.join_type,
            match_case=params.match_case,
        )
        if (
            params.join_type != "left_semi_join"
            and not params.keep_right_key_columns_in_joined_table
        ):
            frame = frame.drop(columns=renamed_keys)
        if params.join_type == "left_semi_join":
            frame = frame[left.columns]
        ctx.log(f"{params.join_type}: {len(frame)} row(s)")
        return {"results_dataset": combined_table(frame, left, right, {}, renames)}
