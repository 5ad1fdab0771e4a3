"""Web Service Output: where a real-time pipeline's answer leaves it."""

from __future__ import annotations

from pydantic import Field

from kumi.core import (
    Category,
    Component,
    InputPort,
    Inputs,
    Outputs,
    Params,
    PortType,
    RunContext,
)


class WebServiceOutputParams(Params):
    name: str = Field(
        "output1",
        min_length=1,
        max_length=64,
        pattern=r"^[A-Za-z_][A-Za-z0-9_]*$",
        description='Name of this output in responses ({"Results": {name: rows}}).',
    )


class WebServiceOutput(Component[WebServiceOutputParams]):
    id = "web_service_output"
    name = "Web Service Output"
    category = Category.WEB_SERVICE
    description = (
        "Marks the table a deployed real-time pipeline returns to requests; in a job it only "
        "checks that a table arrives."
    )
    Params = WebServiceOutputParams
    inputs = (InputPort("data", PortType.TABLE),)
    outputs = ()

    def run(self, params: WebServiceOutputParams, inputs: Inputs, ctx: RunContext) -> Outputs:
        table = inputs.table("data")
        ctx.log(f"Web Service Output '{params.name}': {len(table)} rows.")
        return {}
