"""Saved Trained Model: a trained model stored by an earlier run, frozen into a pipeline."""

from __future__ import annotations

from kumi.components.data._saved import SavedOutputComponent
from kumi.core import Category, OutputPort, PortType


class SavedTrainedModel(SavedOutputComponent):
    id = "saved_trained_model"
    name = "Saved Trained Model"
    category = Category.DATASETS
    description = (
        "Loads a trained model stored by an earlier run (by its content hash); inference "
        "pipelines derived from a training run use it for what the run produced."
    )
    outputs = (OutputPort("trained_model", PortType.TRAINED_MODEL),)
    example_params = {
        "key": "examples/binary_trained_model",
        "content_hash": "example-binary_trained_model",
        "port_type": PortType.TRAINED_MODEL.value,
    }
