"""Saved Table: a table stored by an earlier run (a frozen side input, say)."""

from __future__ import annotations

from kumi.components.data._saved import SavedOutputParams, load_saved, saved_fingerprint
from kumi.core import (
    Category,
    Component,
    Inputs,
    InvalidInputError,
    OutputPort,
    Outputs,
    PortType,
    RunContext,
    Table,
)


class SavedTable(Component[SavedOutputParams]):
    id = "saved_table"
    name = "Saved Table"
    category = Category.DATASETS
    description = (
        "Loads a table stored by an earlier run (by its content hash); inference "
        "pipelines derived from a training run freeze side inputs (Enter Data Manually "
        "...) with it."
    )
    Params = SavedOutputParams
    outputs = (OutputPort("dataset", PortType.TABLE),)
    example_params = {
        "key": "examples/table",
        "content_hash": "example-table",
        "port_type": PortType.TABLE.value,
    }

    def run(self, params: SavedOutputParams, inputs: Inputs, ctx: RunContext) -> Outputs:
        value = load_saved(params, ctx, PortType.TABLE)
        if not isinstance(value, Table):
            raise InvalidInputError(
                f"Stored output '{params.key}' is not a table; check its port type.",
                details={"key": params.key, "node": ctx.node_id},
            )
        return {"dataset": value}

    def fingerprint(self, params: SavedOutputParams, ctx: RunContext) -> str | None:
        return saved_fingerprint(params)
