"""SMOTE: add synthetic rows of the minority class of a binary label."""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import Field

from kumi.components._transforms.oversampling import oversample
from kumi.core import (
    Category,
    ColumnName,
    Component,
    InputPort,
    Inputs,
    InvalidParameterError,
    OutputPort,
    Outputs,
    Params,
    PortType,
    RunContext,
    TableSchema,
)


class SmoteParams(Params):
    label_column: ColumnName | None = Field(None, description="Default: the table's label.")
    smote_percentage: int = Field(
        100, ge=0, multiple_of=100, description="Synthetic rows as % of the minority rows."
    )
    number_of_nearest_neighbors: int = Field(1, ge=1)
    random_seed: int = Field(0, ge=0)


class Smote(Component[SmoteParams]):
    id = "smote"
    name = "SMOTE"
    category = Category.DATA_TRANSFORMATION
    description = (
        "Synthetic Minority Oversampling: appends synthetic rows of the less frequent class of "
        "a binary label, interpolated between nearest neighbours; majority rows are unchanged. "
        "Use it in training only."
    )
    Params = SmoteParams
    inputs = (InputPort("samples", PortType.TABLE),)
    outputs = (OutputPort("table", PortType.TABLE),)
    example_inputs = {"samples": "numeric_table"}

    def run(self, params: SmoteParams, inputs: Inputs, ctx: RunContext) -> Outputs:
        table = inputs.table("samples")
        label = params.label_column or table.label
        if label is None:
            raise InvalidParameterError(
                "SMOTE needs a label column: set 'label_column' or mark one with Edit Metadata.",
                details={"parameter": "label_column"},
            )
        table.require_columns([label], purpose="the label")
        frame = oversample(
            table,
            label,
            params.smote_percentage,
            params.number_of_nearest_neighbors,
            params.random_seed,
        )
        ctx.log(f"Added {len(frame) - len(table)} synthetic row(s)")
        return {"table": table.derive(frame)}

    def infer_schemas(
        self, params: SmoteParams, inputs: Mapping[str, TableSchema]
    ) -> Mapping[str, TableSchema] | None:
        schema = inputs.get("samples")
        return None if schema is None else {"table": schema}  # rows added, columns kept
