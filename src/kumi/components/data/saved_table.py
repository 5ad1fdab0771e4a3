"""Saved Table: a table stored by an earlier run (a frozen side input, say)."""

from __future__ import annotations

from kumi.components.data._saved import SavedOutputComponent
from kumi.core import Category, OutputPort, PortType


class SavedTable(SavedOutputComponent):
    id = "saved_table"
    name = "Saved Table"
    category = Category.DATASETS
    description = (
        "Loads a table stored by an earlier run (by its content hash); inference "
        "pipelines derived from a training run freeze side inputs (Enter Data Manually "
        "...) with it."
    )
    outputs = (OutputPort("dataset", PortType.TABLE),)
    example_params = {
        "key": "examples/table",
        "content_hash": "example-table",
        "port_type": PortType.TABLE.value,
    }
