"""Build a pipeline document in Python; the result is the same model as a saved file::

p = PipelineBuilder("credit", parameters={"data_path": "samples/credit.csv"})
data = p.node("import_data", id="data", path="${parameters.data_path}")
split = p.node("split_data", fraction_of_rows_in_the_first_output_dataset=0.7)
p.connect(data.results_dataset, split.dataset)
doc = p.build()
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pydantic_core import to_jsonable_python

from kumi.core.errors import InvalidInputError
from kumi.graph.document import EdgeSpec, NodeSpec, PipelineDocument, Position


@dataclass(frozen=True)
class PortHandle:
    """A port of a node added to a builder (``node.port``)."""

    node_id: str
    port: str

    def __str__(self) -> str:
        return f"{self.node_id}.{self.port}"


class NodeHandle:
    """A node added to a builder. Ports are reached with ``out(name)`` / ``inp(name)``
    or as attributes (``data.results_dataset``)."""

    def __init__(self, node_id: str, component: str) -> None:
        self.id = node_id
        self.component = component

    def out(self, port: str) -> PortHandle:
        return PortHandle(self.id, port)

    def inp(self, port: str) -> PortHandle:
        return PortHandle(self.id, port)

    def __getattr__(self, port: str) -> PortHandle:
        if port.startswith("_"):
            raise AttributeError(port)
        return PortHandle(self.id, port)

    def __repr__(self) -> str:
        return f"NodeHandle(id={self.id!r}, component={self.component!r})"


Endpoint = PortHandle | str


class PipelineBuilder:
    """Collects nodes and edges, then :meth:`build` returns a PipelineDocument."""

    def __init__(
        self, name: str, *, description: str = "", parameters: Mapping[str, Any] | None = None
    ) -> None:
        self.name = name
        self.description = description
        self.parameters: dict[str, Any] = dict(parameters or {})
        self._nodes: list[NodeSpec] = []
        self._edges: list[EdgeSpec] = []

    def parameter(self, name: str, default: Any) -> str:
        """Declare a pipeline parameter; returns its reference ``"${parameters.name}"``."""
        self.parameters[name] = default
        return f"${{parameters.{name}}}"

    def node(
        self,
        component: str,
        *,
        id: str | None = None,
        component_version: str | None = None,
        position: tuple[float, float] | None = None,
        regenerate_output: bool = False,
        comment: str | None = None,
        **params: Any,
    ) -> NodeHandle:
        """Add a node. Keyword arguments are its params (models such as a
        ColumnSelection are stored as their JSON form); a :class:`PortHandle` value
        connects that output to the input of the same name instead."""
        node_id = id or self._free_id(component)
        if any(n.id == node_id for n in self._nodes):
            raise InvalidInputError(
                f"Node id '{node_id}' is already used in pipeline '{self.name}'; pass another id.",
                details={"node": node_id},
            )
        wires = {k: v for k, v in params.items() if isinstance(v, PortHandle)}
        spec = NodeSpec(
            id=node_id,
            component=component,
            version=component_version,
            params={k: to_jsonable_python(v) for k, v in params.items() if k not in wires},
            position=Position(x=position[0], y=position[1]) if position else None,
            regenerate_output=regenerate_output,
            comment=comment,
        )
        self._nodes.append(spec)
        handle = NodeHandle(node_id, component)
        for port, source in wires.items():
            self.connect(source, handle.inp(port))
        return handle

    def connect(self, source: Endpoint, target: Endpoint) -> PipelineBuilder:
        """Wire an output (``handle.out(...)``, attribute or ``"node.port"``) to an input."""
        self._edges.append(EdgeSpec.model_validate({"from": str(source), "to": str(target)}))
        return self

    def build(self) -> PipelineDocument:
        return PipelineDocument(
            name=self.name,
            description=self.description,
            parameters=dict(self.parameters),
            nodes=[n.model_copy(deep=True) for n in self._nodes],
            edges=list(self._edges),
        )

    def _free_id(self, component: str) -> str:
        taken = {n.id for n in self._nodes}
        if component not in taken:
            return component
        suffix = 2
        while f"{component}_{suffix}" in taken:
            suffix += 1
        return f"{component}_{suffix}"
