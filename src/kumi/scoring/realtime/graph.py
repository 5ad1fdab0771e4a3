"""The real-time document as a graph: which nodes are frozen (computed once at load) and
which run per request (everything downstream of Web Service Input)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kumi.core import Component, InvalidInputError, NotDerivableError, Params, validate_params
from kumi.graph import PipelineDocument, resolve_parameters, topological_order
from kumi.registry import ComponentRegistry

INPUT_COMPONENT = "web_service_input"
OUTPUT_COMPONENT = "web_service_output"
SCRIPT_COMPONENT = "execute_python_script"


@dataclass(frozen=True)
class GraphNode:
    """One node with its component, checked params and input wiring."""

    id: str
    component: type[Component[Any]]
    params: Params
    inputs: dict[str, tuple[str, str]]
    """``{input port: (source node, source port)}``."""


@dataclass(frozen=True)
class RealtimeGraph:
    """A real-time document taken apart: the request input, the outputs, and which nodes
    are computed once (``frozen``, in order) or per request (``per_request``, in order)."""

    document: PipelineDocument
    nodes: dict[str, GraphNode]
    input_node: str
    output_nodes: dict[str, str]
    """``{output name: node id}`` of every Web Service Output."""
    frozen: list[str]
    per_request: list[str]
    input_schema: list[dict[str, Any]]
    """Web Service Input's ``input_schema`` parameter (empty: unknown)."""

    @property
    def input_name(self) -> str:
        return str(self.nodes[self.input_node].params.model_dump()["name"])

    def input_source(self) -> tuple[str, str] | None:
        """Where the Web Service Input's job-time dataset comes from (frozen)."""
        return self.nodes[self.input_node].inputs.get("dataset")


def build_graph(document: PipelineDocument, registry: ComponentRegistry) -> RealtimeGraph:
    """Take ``document`` apart; NotDerivableError when it is not a real-time pipeline."""
    resolved = resolve_parameters(document)
    nodes = {n.id: _node(n.id, n.component, n.params, resolved, registry) for n in resolved.nodes}
    inputs = [n.id for n in resolved.nodes if n.component == INPUT_COMPONENT]
    outputs = {
        str(nodes[n.id].params.model_dump()["name"]): n.id
        for n in resolved.nodes
        if n.component == OUTPUT_COMPONENT
    }
    if len(inputs) != 1 or not outputs:
        raise NotDerivableError(
            f"Pipeline '{document.name}' is not a real-time inference pipeline: it needs "
            f"exactly one Web Service Input (has {len(inputs)}) and at least one Web Service "
            f"Output (has {len(outputs)}). Create it from a training run (Create inference "
            "pipeline → Real-time).",
            details={
                "problems": [
                    {
                        "node": None,
                        "component": INPUT_COMPONENT,
                        "reason": "needs one input and an output",
                    }
                ]
            },
        )
    links = [(src, target) for target, n in nodes.items() for src, _ in n.inputs.values()]
    order, _ = topological_order(list(nodes), links)
    downstream = _reachable(inputs[0], links)
    needed = _ancestors(downstream, links) - downstream
    return RealtimeGraph(
        document=resolved,
        nodes=nodes,
        input_node=inputs[0],
        output_nodes=outputs,
        frozen=[n for n in order if n in needed],
        per_request=[n for n in order if n in downstream],
        input_schema=list(resolved.node(inputs[0]).params.get("input_schema") or []),
    )


def _node(
    node_id: str,
    component_id: str,
    params: dict[str, Any],
    document: PipelineDocument,
    registry: ComponentRegistry,
) -> GraphNode:
    component = registry.get(component_id)
    checked = validate_params(component.Params, params, where=f"node '{node_id}'")
    wiring: dict[str, tuple[str, str]] = {}
    for edge in document.edges:
        source, target = edge.source, edge.target
        if source is None or target is None or target.node != node_id:
            continue
        if component.input_port(target.port) is None:
            raise InvalidInputError(
                f"Edge {edge} goes to port '{target.port}', which node '{node_id}' "
                f"({component_id}) does not have.",
                details={"node": node_id, "port": target.port},
            )
        wiring[target.port] = (source.node, source.port)
    return GraphNode(node_id, component, checked, wiring)


def _reachable(start: str, links: list[tuple[str, str]]) -> set[str]:
    seen = {start}
    frontier = [start]
    while frontier:
        node = frontier.pop()
        for src, target in links:
            if src == node and target not in seen:
                seen.add(target)
                frontier.append(target)
    return seen


def _ancestors(nodes: set[str], links: list[tuple[str, str]]) -> set[str]:
    seen = set(nodes)
    frontier = list(nodes)
    while frontier:
        node = frontier.pop()
        for src, target in links:
            if target == node and src not in seen:
                seen.add(src)
                frontier.append(src)
    return seen
