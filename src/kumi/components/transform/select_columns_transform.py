"""Select Columns Transform: capture a dataset's columns as a re-appliable selection."""

from __future__ import annotations

from kumi.components._transforms.select_columns import SelectColumnsTransformation
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


class SelectColumnsTransform(Component[NoParams]):
    id = "select_columns_transform"
    name = "Select Columns Transform"
    category = Category.DATA_TRANSFORMATION
    description = (
        "Records the columns of the input dataset (e.g. the output of Filter Based Feature "
        "Selection) as a transformation that keeps exactly those columns in new data."
    )
    inputs = (
        InputPort("dataset", PortType.TABLE, description="A dataset with the desired columns."),
    )
    outputs = (OutputPort("output_transformation", PortType.TRANSFORMATION),)

    def run(self, params: NoParams, inputs: Inputs, ctx: RunContext) -> Outputs:
        table = inputs.table("dataset")
        return {"output_transformation": SelectColumnsTransformation(table.columns).fit(table)}
