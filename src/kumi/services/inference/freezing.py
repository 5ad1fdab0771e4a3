"""Stored outputs of a training run frozen into an inference pipeline as Saved ... nodes."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from kumi.core import ArtifactStore, Inputs, NoParams, OutputRef, PortType, RunContext
from kumi.engine import load_table_head, publish
from kumi.registry import ComponentRegistry

SAVED_NODES: dict[str, tuple[str, str, str]] = {
    PortType.TRAINED_MODEL.value: ("md", "saved_trained_model", "trained_model"),
    PortType.TRANSFORMATION.value: ("td", "saved_transformation", "transformation"),
    PortType.TABLE.value: ("", "saved_table", "dataset"),
}
"""Per stored port type: node id prefix, Saved component and its output port."""


def saved_node(node_id: str, component: str, ref: OutputRef, source: str) -> dict[str, Any]:
    """A Saved ... node loading ``ref``; ``source`` says where it came from."""
    params = {**ref.to_dict(), "source": source}
    return {"id": node_id, "component": component, "params": params}


def frozen_node_id(prefix: str, source_node: str, port: str, taken: set[str]) -> str:
    """``<prefix>_<node>`` (tables keep the node's id), made unique with the port."""
    base = f"{prefix}_{source_node}" if prefix else source_node
    return base if base not in taken else f"{base}_{port}"


def freeze_selection(
    store: ArtifactStore, registry: ComponentRegistry, table_ref: OutputRef, scratch: Path
) -> OutputRef:
    """The columns of a stored table (a selection's output) as a stored Select Columns
    Transform transformation (label columns optional when applied)."""
    table = load_table_head(store, table_ref, 1)
    component = registry.get("select_columns_transform")
    scratch.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="kumi-freeze-", dir=scratch) as folder:
        ctx = RunContext(node_id="select", work_dir=Path(folder))
        value = component().run(NoParams(), Inputs({"dataset": table}), ctx)
        transformation = value["output_transformation"]
        return publish(transformation, PortType.TRANSFORMATION, store, Path(folder) / "out")
