"""Saved Trained Model: a trained model stored by an earlier run, frozen into a pipeline."""

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
    TrainedModel,
)


class SavedTrainedModel(Component[SavedOutputParams]):
    id = "saved_trained_model"
    name = "Saved Trained Model"
    category = Category.DATASETS
    description = (
        "Loads a trained model stored by an earlier run (by its content hash); inference "
        "pipelines derived from a training run use it for what the run produced."
    )
    Params = SavedOutputParams
    outputs = (OutputPort("trained_model", PortType.TRAINED_MODEL),)
    example_params = {
        "key": "examples/binary_trained_model",
        "content_hash": "example-binary_trained_model",
        "port_type": PortType.TRAINED_MODEL.value,
    }

    def run(self, params: SavedOutputParams, inputs: Inputs, ctx: RunContext) -> Outputs:
        value = load_saved(params, ctx, PortType.TRAINED_MODEL)
        if not isinstance(value, TrainedModel):
            raise InvalidInputError(
                f"Stored output '{params.key}' is not a trained model; check its port type.",
                details={"key": params.key, "node": ctx.node_id},
            )
        return {"trained_model": value}

    def fingerprint(self, params: SavedOutputParams, ctx: RunContext) -> str | None:
        return saved_fingerprint(params)
