"""Saved Transformation: a fitted transformation stored by an earlier run."""

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
    Transformation,
)


class SavedTransformation(Component[SavedOutputParams]):
    id = "saved_transformation"
    name = "Saved Transformation"
    category = Category.DATASETS
    description = (
        "Loads a fitted transformation stored by an earlier run (by its content hash); inference "
        "pipelines derived from a training run use it for what the run produced."
    )
    Params = SavedOutputParams
    outputs = (OutputPort("transformation", PortType.TRANSFORMATION),)
    example_params = {
        "key": "examples/transformation",
        "content_hash": "example-transformation",
        "port_type": PortType.TRANSFORMATION.value,
    }

    def run(self, params: SavedOutputParams, inputs: Inputs, ctx: RunContext) -> Outputs:
        value = load_saved(params, ctx, PortType.TRANSFORMATION)
        if not isinstance(value, Transformation):
            raise InvalidInputError(
                f"Stored output '{params.key}' is not a fitted transformation; check its "
                "port type.",
                details={"key": params.key, "node": ctx.node_id},
            )
        return {"transformation": value}

    def fingerprint(self, params: SavedOutputParams, ctx: RunContext) -> str | None:
        return saved_fingerprint(params)
