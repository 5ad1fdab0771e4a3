"""Web Service Input: where request rows enter a real-time pipeline."""

from __future__ import annotations

from pydantic import Field

from kumi.components.web_service._schema import InputColumn, conform
from kumi.core import (
    Category,
    Component,
    InputPort,
    Inputs,
    InvalidInputError,
    OutputPort,
    Outputs,
    Params,
    PortType,
    RunContext,
)


class WebServiceInputParams(Params):
    name: str = Field(
        "input1",
        min_length=1,
        max_length=64,
        pattern=r"^[A-Za-z_][A-Za-z0-9_]*$",
        description='Name of this input in requests ({"Inputs": {name: rows}}).',
    )
    input_schema: list[InputColumn] = Field(
        default_factory=list,
        description=(
            "Columns every request row must carry, with their types (empty: whatever "
            "arrives). Arriving data is checked and cast to these types."
        ),
    )


class WebServiceInput(Component[WebServiceInputParams]):
    id = "web_service_input"
    name = "Web Service Input"
    category = Category.WEB_SERVICE
    description = (
        "Marks where request data enters a real-time pipeline. When deployed, requests "
        "supply its rows; when run as a job, it passes on the connected dataset. With an "
        "input schema, the data must carry its columns and is cast to their types."
    )
    Params = WebServiceInputParams
    inputs = (InputPort("dataset", PortType.TABLE, optional=True),)
    outputs = (OutputPort("data", PortType.TABLE),)
    example_inputs = {"dataset": "table"}
    example_params = {
        "input_schema": [
            {"name": "age", "type": "double"},
            {"name": "city", "type": "string", "categorical": True},
        ]
    }

    def run(self, params: WebServiceInputParams, inputs: Inputs, ctx: RunContext) -> Outputs:
        table = inputs.optional_table("dataset")
        if table is None:
            raise InvalidInputError(
                f"Web Service Input '{params.name}' has no data: when deployed, requests "
                f"supply its rows (as Inputs.{params.name}); to run the pipeline as a job, "
                "connect a dataset to its 'dataset' port.",
                details={"node": ctx.node_id, "port": "dataset", "name": params.name},
            )
        if params.input_schema:
            table = conform(table, params.input_schema, params.name)
        return {"data": table}
