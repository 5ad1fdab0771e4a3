"""How each training step is carried along the scoring path, and where that path ends."""

from __future__ import annotations

from dataclasses import dataclass

from kumi.core import Component, PortType
from kumi.graph import NodeSpec, PipelineDocument

SCORERS = {"score_model": "scored_dataset", "assign_data_to_clusters": "results_dataset"}
"""Scoring components and their output port."""

SOURCES = frozenset({"dataset", "import_data", "enter_data_manually"})
"""Where the scored data starts."""

BYPASSED = {
    "split_data": "Split Data only divides training data: scoring data passes straight on",
    "smote": "SMOTE adds synthetic training rows: scoring data passes straight on",
    "partition_and_sample": "sampling is for training: every scoring row passes on",
    "remove_duplicate_rows": "de-duplication is for training: every scoring row passes on",
}
"""Training-only steps left out of the path (their input goes straight on)."""

SELECTIONS = frozenset({"select_columns_in_dataset", "filter_based_feature_selection"})
"""Steps replaced by the fixed column selection they produced."""

CLUSTER_TRAINER = "train_clustering_model"
EVALUATORS = frozenset({"evaluate_model"})


def incoming_edges(doc: PipelineDocument) -> dict[tuple[str, str], tuple[str, str]]:
    """``(node, input port) -> (source node, output port)`` for every edge."""
    wired = {}
    for edge in doc.edges:
        source, target = edge.source, edge.target
        if source is not None and target is not None:
            wired[(target.node, target.port)] = (source.node, source.port)
    return wired


def main_input(node: NodeSpec, component: type[Component], wired: dict) -> str | None:
    """The table input the scoring path runs through: the first connected one."""
    for port in component.inputs:
        if port.type == PortType.TABLE and (node.id, port.name) in wired:
            return port.name
    return None


def untrained_input(component: type[Component]) -> bool:
    """True when the step trains a model while it runs (nothing fitted to carry)."""
    return any(port.type == PortType.UNTRAINED_MODEL for port in component.inputs)


def fitted_output(component: type[Component]) -> str | None:
    """The transformation a fitted step learns (one table in, a transformation out)."""
    tables = [p for p in component.inputs if p.type == PortType.TABLE]
    learned = [p.name for p in component.outputs if p.type == PortType.TRANSFORMATION]
    return learned[0] if len(tables) == 1 and len(learned) == 1 else None


@dataclass(frozen=True)
class Scoring:
    """The node whose output the inference pipeline returns; ``trainer`` is set when a
    clustering model scored while training gets a new Assign Data to Clusters node."""

    node_id: str
    output: str
    trainer: str | None = None


def find_scoring(doc: PipelineDocument) -> Scoring | None:
    """The Score Model / Assign Data to Clusters node (preferring one that feeds Evaluate
    Model), else a new assignment node for the first Train Clustering Model."""
    kinds = {node.id: node.component for node in doc.nodes}
    scorers = [node.id for node in doc.nodes if node.component in SCORERS]
    evaluated = {
        edge.source.node
        for edge in doc.edges
        if edge.source and edge.target and kinds.get(edge.target.node) in EVALUATORS
    }
    chosen = [n for n in scorers if n in evaluated] or scorers
    if chosen:
        return Scoring(chosen[0], SCORERS[kinds[chosen[0]]])
    trainers = [node.id for node in doc.nodes if node.component == CLUSTER_TRAINER]
    if trainers:
        free = "assign_data_to_clusters"
        node_id = free if free not in kinds else f"{free}_{trainers[0]}"
        return Scoring(node_id, SCORERS["assign_data_to_clusters"], trainer=trainers[0])
    return None
