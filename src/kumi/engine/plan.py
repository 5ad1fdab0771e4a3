"""The planner: a validated pipeline turned into an ordered set of runnable steps."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from kumi.core.component import Component
from kumi.core.contracts import DatasetResolver
from kumi.core.errors import InvalidInputError
from kumi.core.params import Params
from kumi.core.types import PortType
from kumi.graph.document import PipelineDocument, PortRef
from kumi.graph.parameters import resolve_parameters
from kumi.graph.validation import ensure_valid
from kumi.registry.registry import ComponentRegistry


@dataclass(frozen=True)
class PlannedStep:
    """One node ready to run: its component class, validated params and input wiring."""

    node_id: str
    component: type[Component]
    params: Params
    inputs: Mapping[str, PortRef] = field(default_factory=dict)
    regenerate_output: bool = False

    @property
    def component_id(self) -> str:
        return self.component.id

    @property
    def component_version(self) -> str:
        return self.component.version

    def input_type(self, port: str) -> PortType:
        found = self.component.input_port(port)
        if found is None:
            raise InvalidInputError(
                f"Component '{self.component_id}' has no input '{port}'.",
                details={"node": self.node_id, "port": port},
            )
        return found.type


@dataclass(frozen=True)
class ExecutionPlan:
    """Steps in topological order, with the parameter-resolved document."""

    document: PipelineDocument
    steps: Mapping[str, PlannedStep]
    order: tuple[str, ...]

    def upstream(self, node_id: str) -> set[str]:
        """Nodes ``node_id`` reads from directly."""
        return {ref.node for ref in self.steps[node_id].inputs.values()}

    def downstream(self, node_id: str) -> list[str]:
        """Every node depending on ``node_id``, directly or not, in plan order."""
        affected = {node_id}
        for node in self.order:
            if self.upstream(node) & affected:
                affected.add(node)
        return [n for n in self.order if n in affected and n != node_id]

    def step(self, node_id: str) -> PlannedStep:
        try:
            return self.steps[node_id]
        except KeyError:
            raise InvalidInputError(
                f"The plan has no step '{node_id}'. Steps: {', '.join(self.order)}.",
                details={"node": node_id, "nodes": list(self.order)},
            ) from None


def plan(
    doc: PipelineDocument,
    registry: ComponentRegistry,
    *,
    parameter_values: Mapping[str, Any] | None = None,
    datasets: DatasetResolver | None = None,
) -> ExecutionPlan:
    """Validate ``doc`` (PipelineValidationError listing every problem) and plan it."""
    facts = ensure_valid(doc, registry, datasets=datasets, parameter_values=parameter_values)
    resolved = resolve_parameters(doc, parameter_values)
    steps = {
        node.id: PlannedStep(
            node_id=node.id,
            component=facts.components[node.id],
            params=facts.params[node.id],
            inputs=dict(facts.inputs.get(node.id, {})),
            regenerate_output=node.regenerate_output,
        )
        for node in resolved.nodes
    }
    return ExecutionPlan(document=resolved, steps=steps, order=tuple(facts.order))
