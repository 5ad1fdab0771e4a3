"""A component shipped by another package (through the ``kumi.components`` entry point):
the studio shows and runs it with no change to kumi or its page."""

from __future__ import annotations

from pydantic import Field

from kumi.core import (
    Category,
    Component,
    InputPort,
    Inputs,
    OutputPort,
    Outputs,
    Params,
    PortType,
    RunContext,
)


class StampParams(Params):
    column_name: str = Field("stamp", min_length=1, description="Name of the added column.")
    value: float = Field(1.0, description="The value every row gets.")


class StampRows(Component[StampParams]):
    id = "stamp_rows"
    name = "Stamp Rows"
    category = Category.DATA_TRANSFORMATION
    description = "Adds a column holding one value on every row."
    Params = StampParams
    inputs = (InputPort("dataset", PortType.TABLE),)
    outputs = (OutputPort("results_dataset", PortType.TABLE),)

    def run(self, params: StampParams, inputs: Inputs, ctx: RunContext) -> Outputs:
        table = inputs.table("dataset")
        frame = table.frame.assign(**{params.column_name: params.value})
        ctx.log(f"Stamped {len(frame)} row(s) with {params.value}")
        return {"results_dataset": table.derive(frame)}
