"""Saved Transformation: a fitted transformation stored by an earlier run."""

from __future__ import annotations

from kumi.components.data._saved import SavedOutputComponent
from kumi.core import Category, OutputPort, PortType


class SavedTransformation(SavedOutputComponent):
    id = "saved_transformation"
    name = "Saved Transformation"
    category = Category.DATASETS
    description = (
        "Loads a fitted transformation stored by an earlier run (by its content hash); inference "
        "pipelines derived from a training run use it for what the run produced."
    )
    outputs = (OutputPort("transformation", PortType.TRANSFORMATION),)
    example_params = {
        "key": "examples/transformation",
        "content_hash": "example-transformation",
        "port_type": PortType.TRANSFORMATION.value,
    }
