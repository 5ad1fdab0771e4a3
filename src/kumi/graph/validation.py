"""Validate a pipeline document against the component registry before running it."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from kumi.core.component import Component
from kumi.core.contracts import DatasetResolver
from kumi.core.errors import InvalidParameterError, NotFoundError
from kumi.core.params import Params, validate_params
from kumi.core.table import TableSchema
from kumi.graph.document import EdgeSpec, PipelineDocument, PortRef
from kumi.graph.parameters import merged_values, parameter_problems, references, substitute
from kumi.graph.problems import Problem, validation_error
from kumi.graph.schemas import SchemaContext, column_problems
from kumi.graph.topology import find_cycles, topological_order
from kumi.registry.registry import ComponentRegistry


@dataclass
class GraphFacts:
    """What validation learned about a document: valid parts only."""

    components: dict[str, type[Component]] = field(default_factory=dict)
    params: dict[str, Params] = field(default_factory=dict)
    inputs: dict[str, dict[str, PortRef]] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    schemas: dict[tuple[str, str], TableSchema] = field(default_factory=dict)
    """Table schemas known before running, by (node, output port)."""

    @property
    def ok(self) -> bool:
        return not any(p.is_error for p in self.problems)

    def input_schemas(self, node_id: str) -> dict[str, TableSchema]:
        """The known schemas of the tables flowing into ``node_id``, by input port."""
        return {
            port: self.schemas[(ref.node, ref.port)]
            for port, ref in self.inputs.get(node_id, {}).items()
            if (ref.node, ref.port) in self.schemas
        }


def validate_pipeline(
    doc: PipelineDocument,
    registry: ComponentRegistry,
    *,
    datasets: DatasetResolver | None = None,
    parameter_values: Mapping[str, Any] | None = None,
) -> list[Problem]:
    """Every problem found in ``doc`` (errors and warnings); empty when runnable."""
    return analyze(doc, registry, datasets=datasets, parameter_values=parameter_values).problems


def ensure_valid(
    doc: PipelineDocument,
    registry: ComponentRegistry,
    *,
    datasets: DatasetResolver | None = None,
    parameter_values: Mapping[str, Any] | None = None,
) -> GraphFacts:
    """Raise PipelineValidationError (``details["problems"]``) unless ``doc`` is
    runnable; return what validation learned otherwise."""
    facts = analyze(doc, registry, datasets=datasets, parameter_values=parameter_values)
    if not facts.ok:
        raise validation_error(facts.problems)
    return facts


def analyze(
    doc: PipelineDocument,
    registry: ComponentRegistry,
    *,
    datasets: DatasetResolver | None = None,
    parameter_values: Mapping[str, Any] | None = None,
) -> GraphFacts:
    """Validate ``doc`` and keep the resolved components, params, inputs and order."""
    facts = GraphFacts()
    ids = _check_node_ids(doc, facts)
    _resolve_components(doc, registry, facts)
    facts.problems.extend(parameter_problems(doc, parameter_values))
    _validate_params(doc, merged_values(doc, parameter_values), facts)
    attempted = _check_edges(doc, ids, facts)
    _check_missing_inputs(facts, attempted)
    links = [(ref.node, node) for node, ports in facts.inputs.items() for ref in ports.values()]
    facts.order, left_over = topological_order(ids, links)
    for cycle in find_cycles(ids, links) if left_over else []:
        facts.problems.append(_cycle_problem(cycle))
    if not left_over:
        ctx = SchemaContext(facts.components, facts.params, facts.inputs, facts.order, datasets)
        facts.problems.extend(column_problems(ctx))
        facts.schemas = ctx.known
    return facts


# -- nodes -------------------------------------------------------------------------------
def _check_node_ids(doc: PipelineDocument, facts: GraphFacts) -> list[str]:
    ids: list[str] = []
    for node in doc.nodes:
        if node.id in ids:
            facts.problems.append(
                Problem(
                    "duplicate_node_id",
                    f"Node id '{node.id}' is used more than once; give each node its own id.",
                    node=node.id,
                )
            )
            continue
        if not node.id.strip() or "." in node.id or node.id != node.id.strip():
            facts.problems.append(
                Problem(
                    "invalid_node_id",
                    f"Node id '{node.id}' is not valid: ids must be non-empty and contain no "
                    "'.' or surrounding spaces (edges are written 'node.port').",
                    node=node.id,
                )
            )
        ids.append(node.id)
    return ids


def _resolve_components(
    doc: PipelineDocument, registry: ComponentRegistry, facts: GraphFacts
) -> None:
    for node in doc.nodes:
        if node.id in facts.components:
            continue
        try:
            cls = registry.get(node.component)
        except NotFoundError as exc:
            facts.problems.append(
                Problem(
                    "unknown_component",
                    f"Node '{node.id}': {exc.message}",
                    node=node.id,
                    details={"component": node.component, **exc.details},
                )
            )
            continue
        facts.components[node.id] = cls
        if node.version is not None and node.version != cls.version:
            facts.problems.append(
                Problem(
                    "version_mismatch",
                    f"Node '{node.id}' was saved with version {node.version} of component "
                    f"'{cls.id}' but version {cls.version} is installed; it will run with "
                    f"version {cls.version}.",
                    node=node.id,
                    severity="warning",
                    details={"saved": node.version, "installed": cls.version},
                )
            )


def _validate_params(doc: PipelineDocument, values: Mapping[str, Any], facts: GraphFacts) -> None:
    for node in doc.nodes:
        cls = facts.components.get(node.id)
        if cls is None or node.id in facts.params:
            continue
        if references(node.params) - set(values):
            continue  # undefined references are reported by parameter_problems
        raw = substitute(node.params, values)
        unknown = _unknown_params(node.id, cls, raw)
        facts.problems.extend(unknown)
        known = {k: v for k, v in raw.items() if k not in {p.parameter for p in unknown}}
        try:
            params = validate_params(cls.Params, known)
        except InvalidParameterError as exc:
            facts.problems.extend(_param_problems(node.id, cls, exc))
            continue
        if not unknown:
            facts.params[node.id] = params


def _unknown_params(node_id: str, cls: type[Component], raw: Mapping[str, Any]) -> list[Problem]:
    fields = cls.Params.model_fields
    accepted = set(fields) | {f.alias for f in fields.values() if f.alias}
    problems = []
    for name in raw:
        if name in accepted:
            continue
        close = difflib.get_close_matches(name, sorted(accepted), n=3)
        hint = f" Did you mean {', '.join(repr(c) for c in close)}?" if close else ""
        problems.append(
            Problem(
                "invalid_parameter",
                f"Node '{node_id}': component '{cls.id}' has no parameter '{name}'.{hint} "
                f"Its parameters: {', '.join(sorted(fields)) or '(none)'}.",
                node=node_id,
                parameter=name,
                details={"reason": "unknown_parameter", "suggestions": close},
            )
        )
    return problems


def _param_problems(
    node_id: str, cls: type[Component], exc: InvalidParameterError
) -> list[Problem]:
    return [
        Problem(
            "invalid_parameter",
            f"Node '{node_id}' ({cls.id}) parameter '{item['parameter']}': {item['message']}. "
            "Fix the value in the node's parameters.",
            node=node_id,
            parameter=str(item["parameter"]).split(".", 1)[0],
            details={"reason": item["message"], "location": item["parameter"]},
        )
        for item in exc.details.get("problems", [])
    ]


# -- edges -------------------------------------------------------------------------------
def _check_edges(doc: PipelineDocument, ids: list[str], facts: GraphFacts) -> set[tuple[str, str]]:
    """Record valid edges in ``facts.inputs``; return every (node, input) an edge targets."""
    attempted: set[tuple[str, str]] = set()
    for edge in doc.edges:
        source, target = _endpoints(edge, facts)
        if source is None or target is None:
            continue
        attempted.add((target.node, target.port))
        if not _nodes_exist(edge, (source, target), ids, facts):
            continue
        if not _ports_match(edge, source, target, facts):
            continue
        connected = facts.inputs.setdefault(target.node, {})
        if target.port in connected:
            facts.problems.append(
                Problem(
                    "input_already_connected",
                    f"Input '{target}' receives two edges (from {connected[target.port]} and "
                    f"{source}); an input takes one edge — remove one.",
                    node=target.node,
                    port=target.port,
                    edge=str(edge),
                    details={"sources": [str(connected[target.port]), str(source)]},
                )
            )
            continue
        connected[target.port] = source
    return attempted


def _endpoints(edge: EdgeSpec, facts: GraphFacts) -> tuple[PortRef | None, PortRef | None]:
    source, target = edge.source, edge.target
    for text, ref, side in ((edge.from_, source, "from"), (edge.to, target, "to")):
        if ref is None:
            facts.problems.append(
                Problem(
                    "invalid_edge_endpoint",
                    f"Edge '{edge}': '{side}' value '{text}' is not of the form 'node.port' "
                    "(e.g. 'split.results_dataset1').",
                    edge=str(edge),
                    details={"side": side, "value": text},
                )
            )
    return source, target


def _nodes_exist(
    edge: EdgeSpec, ends: tuple[PortRef, PortRef], ids: list[str], facts: GraphFacts
) -> bool:
    ok = True
    for ref in ends:
        if ref.node in ids:
            continue
        ok = False
        close = difflib.get_close_matches(ref.node, ids, n=3)
        hint = f" Did you mean {', '.join(repr(c) for c in close)}?" if close else ""
        facts.problems.append(
            Problem(
                "unknown_node",
                f"Edge '{edge}' refers to node '{ref.node}', which is not in the pipeline.{hint}",
                node=ref.node,
                port=ref.port,
                edge=str(edge),
                details={"suggestions": close},
            )
        )
    return ok


def _ports_match(edge: EdgeSpec, source: PortRef, target: PortRef, facts: GraphFacts) -> bool:
    src_cls, dst_cls = facts.components.get(source.node), facts.components.get(target.node)
    if src_cls is None or dst_cls is None:
        return False
    out = src_cls.output_port(source.port)
    inp = dst_cls.input_port(target.port)
    if out is None:
        facts.problems.append(_unknown_port(edge, source, src_cls, "output"))
    if inp is None:
        facts.problems.append(_unknown_port(edge, target, dst_cls, "input"))
    if out is None or inp is None:
        return False
    if out.type != inp.type:
        facts.problems.append(
            Problem(
                "port_type_mismatch",
                f"Edge '{edge}' connects output '{source}' ({out.type.value}) to input "
                f"'{target}' ({inp.type.value}); connect an output of type {inp.type.value}.",
                node=target.node,
                port=target.port,
                edge=str(edge),
                details={"output_type": out.type.value, "input_type": inp.type.value},
            )
        )
        return False
    return True


def _unknown_port(edge: EdgeSpec, ref: PortRef, cls: type[Component], kind: str) -> Problem:
    ports = [p.name for p in (cls.outputs if kind == "output" else cls.inputs)]
    return Problem(
        "unknown_port",
        f"Edge '{edge}': component '{cls.id}' (node '{ref.node}') has no {kind} port "
        f"'{ref.port}'. Its {kind} ports: {', '.join(ports) or '(none)'}.",
        node=ref.node,
        port=ref.port,
        edge=str(edge),
        details={"kind": kind, "available": ports},
    )


def _check_missing_inputs(facts: GraphFacts, attempted: set[tuple[str, str]]) -> None:
    for node_id, cls in facts.components.items():
        for port in cls.inputs:
            if port.optional or (node_id, port.name) in attempted:
                continue
            facts.problems.append(
                Problem(
                    "missing_input",
                    f"Input '{port.name}' ({port.type.value}) of node '{node_id}' ({cls.id}) "
                    "is not connected; connect an upstream output to it.",
                    node=node_id,
                    port=port.name,
                    details={"type": port.type.value},
                )
            )


def _cycle_problem(cycle: list[str]) -> Problem:
    loop = " → ".join([*cycle, cycle[0]])
    return Problem(
        "cycle",
        f"Nodes {loop} form a cycle; a pipeline must flow one way — remove one of these edges.",
        node=cycle[0],
        details={"nodes": cycle},
    )
