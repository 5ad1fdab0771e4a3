"""Add Columns: put the columns of two datasets side by side."""

from __future__ import annotations

import pandas as pd

from kumi.components._transforms.columns import unique_name
from kumi.components._transforms.combine import combined_table
from kumi.core import (
    Category,
    Component,
    InputPort,
    Inputs,
    NoParams,
    OutputPort,
    Outputs,
    PortType,
    RunContext,
)


class AddColumns(Component[NoParams]):
    id = "add_columns"
    name = "Add Columns"
    category = Category.DATA_TRANSFORMATION
    description = (
        "Concatenates all columns of the right dataset after those of the left one, row by "
        "row; the shorter side is padded with missing values and a name present in both gets "
        "the suffixes _1 (left) and _2 (right)."
    )
    inputs = (InputPort("left_dataset", PortType.TABLE), InputPort("right_dataset", PortType.TABLE))
    outputs = (OutputPort("combined_dataset", PortType.TABLE),)

    def run(self, params: NoParams, inputs: Inputs, ctx: RunContext) -> Outputs:
        left, right = inputs.table("left_dataset"), inputs.table("right_dataset")
        left_names, right_names = _suffixed_names(left.columns, right.columns)
        frame = pd.concat(
            [
                left.frame.rename(columns=left_names).reset_index(drop=True),
                right.frame.rename(columns=right_names).reset_index(drop=True),
            ],
            axis=1,
        )
        return {"combined_dataset": combined_table(frame, left, right, left_names, right_names)}


def _suffixed_names(left: list[str], right: list[str]) -> tuple[dict[str, str], dict[str, str]]:
    """Names present on both sides become ``<name>_1`` (left) and ``<name>_2`` (right)."""
    taken = set(left) | set(right)
    left_names: dict[str, str] = {}
    right_names: dict[str, str] = {}
    for column in (c for c in left if c in right):
        left_names[column] = unique_name(f"{column}_1", taken)
        taken.add(left_names[column])
        right_names[column] = unique_name(f"{column}_2", taken)
        taken.add(right_names[column])
    return left_names, right_names
