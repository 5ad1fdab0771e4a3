"""The ONNX fast path of a real-time graph: when the per-request nodes are a pure chain
(Web Service Input → Apply Transformation* → Score Model → Web Service Output, with the
transformations and the model frozen), compile them to one ONNX graph. The only module of
the scoring package that calls the ONNX compiler."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

from kumi.core import NotDerivableError, TrainedModel, Transformation
from kumi.scoring.realtime.graph import RealtimeGraph
from kumi.scoring.realtime.signature import SignatureColumn
from kumi.tracking.onnx import InputColumn, OnnxScorer, ScoringChain, compile_chain


class ColumnScorer(Protocol):
    """What the ONNX path calls per request."""

    def run_columns(self, columns: dict[str, np.ndarray]) -> dict[str, np.ndarray]: ...


@dataclass(frozen=True)
class OnnxChoice:
    """The compiled scorer, or None with the reason the Python graph runs instead."""

    scorer: ColumnScorer | None
    reason: str


def chain_parts(
    graph: RealtimeGraph, frozen: Mapping[tuple[str, str], Any]
) -> tuple[list[Transformation], TrainedModel] | str:
    """The frozen transformations and model of a pure chain, or why it is not one."""
    transformations: list[Transformation] = []
    previous = graph.input_node
    steps = graph.per_request[1:]
    for position, node_id in enumerate(steps):
        node = graph.nodes[node_id]
        kind = node.component.id
        if kind not in ("apply_transformation", "score_model"):
            return f"step '{node_id}' ({kind}) has no ONNX form"
        if node.inputs.get("dataset", ("", ""))[0] != previous:
            return f"step '{node_id}' ({kind}) does not continue a single chain"
        if kind == "apply_transformation":
            value = frozen.get(node.inputs.get("transformation", ("", "")))
            if not isinstance(value, Transformation):
                return f"step '{node_id}' has no frozen transformation"
            transformations.append(value)
        else:
            return _model_and_rest(graph, frozen, node_id, steps[position + 1 :], transformations)
        previous = node_id
    return "the pipeline has no Score Model step"


def _model_and_rest(
    graph: RealtimeGraph,
    frozen: Mapping[tuple[str, str], Any],
    node_id: str,
    rest: list[str],
    transformations: list[Transformation],
) -> tuple[list[Transformation], TrainedModel] | str:
    node = graph.nodes[node_id]
    model = frozen.get(node.inputs.get("trained_model", ("", "")))
    if not isinstance(model, TrainedModel):
        return f"step '{node_id}' has no frozen trained model"
    if not node.params.model_dump().get("append_score_columns_to_output", True):
        return f"step '{node_id}' outputs the scores only"
    outputs = [graph.nodes[n] for n in rest]
    if len(outputs) != 1 or outputs[0].inputs.get("data", ("", ""))[0] != node_id:
        return f"step '{node_id}' is not followed by exactly one Web Service Output"
    return transformations, model


def compile_graph(
    graph: RealtimeGraph,
    frozen: Mapping[tuple[str, str], Any],
    columns: tuple[SignatureColumn, ...],
) -> OnnxChoice:
    """An ONNX scorer for ``graph`` when it is a pure chain that compiles."""
    parts = chain_parts(graph, frozen)
    if isinstance(parts, str):
        return OnnxChoice(None, parts)
    if not columns:
        return OnnxChoice(None, "the request columns are not known")
    transformations, model = parts
    chain = ScoringChain(
        input_columns=[InputColumn(c.name, c.type, c.categorical) for c in columns],
        transformations=transformations,
        model=model,
    )
    try:
        compiled = compile_chain(chain)
    except NotDerivableError as error:
        return OnnxChoice(None, error.message)
    return OnnxChoice(OnnxScorer(compiled), "")
