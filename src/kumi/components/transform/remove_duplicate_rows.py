"""Remove Duplicate Rows: keep one row per distinct combination of key column values."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from pydantic import Field

from kumi.components._transforms.columns import selected_columns
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
    TableSchema,
)


class RemoveDuplicateRowsParams(Params):
    key_column_selection_filter_expression: ColumnSelection = Field(
        default_factory=ColumnSelection.all, description="Rows are duplicates when these match."
    )
    retain_first_duplicate_row: bool = Field(True, description="Else the last one is kept.")


class RemoveDuplicateRows(Component[RemoveDuplicateRowsParams]):
    id = "remove_duplicate_rows"
    name = "Remove Duplicate Rows"
    category = Category.DATA_TRANSFORMATION
    description = (
        "Removes rows whose key column values repeat an earlier (or later) row; rows with a "
        "missing key value are never duplicates."
    )
    Params = RemoveDuplicateRowsParams
    inputs = (InputPort("dataset", PortType.TABLE),)
    outputs = (OutputPort("results_dataset", PortType.TABLE),)

    def run(self, params: RemoveDuplicateRowsParams, inputs: Inputs, ctx: RunContext) -> Outputs:
        table = inputs.table("dataset")
        keys = selected_columns(
            table,
            params.key_column_selection_filter_expression,
            "key_column_selection_filter_expression",
        )
        frame = table.frame
        keep: Literal["first", "last"] = "first" if params.retain_first_duplicate_row else "last"
        duplicated = frame.duplicated(subset=keys, keep=keep) & frame[keys].notna().all(axis=1)
        ctx.log(f"Removed {int(duplicated.sum())} duplicate row(s)")
        return {"results_dataset": table.derive(frame[~duplicated].reset_index(drop=True))}

    def infer_schemas(
        self, params: RemoveDuplicateRowsParams, inputs: Mapping[str, TableSchema]
    ) -> Mapping[str, TableSchema] | None:
        schema = inputs.get("dataset")
        if schema is None:
            return None
        selected_columns(
            schema,
            params.key_column_selection_filter_expression,
            "key_column_selection_filter_expression",
        )
        return {"results_dataset": schema}
