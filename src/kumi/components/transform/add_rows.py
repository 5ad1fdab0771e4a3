"""Add Rows: append the rows of a second dataset to the first."""

from __future__ import annotations

import pandas as pd

from kumi.core import (
    Category,
    ColumnType,
    ColumnTypeError,
    Component,
    InputPort,
    Inputs,
    InvalidInputError,
    NoParams,
    OutputPort,
    Outputs,
    PortType,
    RunContext,
    Table,
    column_type_of,
)

_NUMERIC = {ColumnType.INTEGER, ColumnType.DOUBLE}


class AddRows(Component[NoParams]):
    id = "add_rows"
    name = "Add Rows"
    category = Category.DATA_TRANSFORMATION
    description = (
        "Appends the rows of dataset2 below those of dataset1. Both must have the same column "
        "names with compatible types; the result keeps dataset1's column order and metadata."
    )
    inputs = (InputPort("dataset1", PortType.TABLE), InputPort("dataset2", PortType.TABLE))
    outputs = (OutputPort("results_dataset", PortType.TABLE),)

    def run(self, params: NoParams, inputs: Inputs, ctx: RunContext) -> Outputs:
        first, second = inputs.table("dataset1"), inputs.table("dataset2")
        _check_same_columns(first, second)
        for column in first.columns:
            _check_compatible(column, first.frame[column], second.frame[column])
        frame = pd.concat([first.frame, second.frame[first.columns]], ignore_index=True, sort=False)
        categorical = first.categorical | second.categorical
        return {"results_dataset": first.derive(frame, categorical=categorical)}


def _check_same_columns(first: Table, second: Table) -> None:
    only_first = [c for c in first.columns if c not in second.columns]
    only_second = [c for c in second.columns if c not in first.columns]
    if only_first or only_second:
        raise InvalidInputError(
            "Add Rows needs datasets with the same columns. Only in dataset1: "
            f"{', '.join(only_first) or '(none)'}; only in dataset2: "
            f"{', '.join(only_second) or '(none)'}. Rename or select columns so both match.",
            details={"only_in_dataset1": only_first, "only_in_dataset2": only_second},
        )


def _check_compatible(column: str, first: pd.Series, second: pd.Series) -> None:
    if first.isna().all() or second.isna().all():
        return
    kinds = column_type_of(first), column_type_of(second)
    if kinds[0] == kinds[1] or set(kinds) <= _NUMERIC:
        return
    raise ColumnTypeError(
        f"Column '{column}' holds {kinds[0].value} values in dataset1 but {kinds[1].value} "
        "values in dataset2. Convert one of them with Edit Metadata so the types match.",
        details={
            "column": column,
            "dataset1_type": kinds[0].value,
            "dataset2_type": kinds[1].value,
        },
    )
