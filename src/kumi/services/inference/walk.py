"""Walking back from the scoring node to the data source, building the inference graph."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kumi.core import ArtifactStore, Component, NotFoundError, OutputRef
from kumi.graph import NodeSpec
from kumi.registry import ComponentRegistry
from kumi.services.inference import paths
from kumi.services.inference.freezing import (
    SAVED_NODES,
    freeze_selection,
    frozen_node_id,
    saved_node,
)
from kumi.services.inference.model import Problems, RunFacts


class PathWalker:
    """Collects the nodes and edges of the scoring path (source excluded: the caller adds
    it from :attr:`source`), freezing side inputs, and the problems found."""

    def __init__(
        self,
        facts: RunFacts,
        registry: ComponentRegistry,
        store: ArtifactStore,
        scratch: Path,
        *,
        entry: str | None,
    ) -> None:
        self.facts = facts
        self.entry = entry
        """Where the source's data enters the path (None: the source's own output)."""
        self.registry = registry
        self.store = store
        self.scratch = scratch
        self.wired = paths.incoming_edges(facts.document)
        self.nodes: dict[str, dict[str, Any]] = {}
        self.edges: list[dict[str, str]] = []
        self.frozen: list[dict[str, str]] = []
        self.bypassed: dict[str, str] = {}
        self.problems = Problems()
        self.source: tuple[NodeSpec, str] | None = None
        self._seen: dict[str, str | None] = {}
        self._frozen_refs: dict[tuple[str, str], str] = {}

    # -- path ------------------------------------------------------------------------
    def endpoint(self, node_id: str, port: str) -> str | None:
        """Where, in the inference graph, the value of training output ``node.port``
        comes from (None when it cannot be carried; a problem is recorded)."""
        if node_id not in self._seen:
            self._seen[node_id] = None  # a cycle cannot occur in a valid run
            self._seen[node_id] = self._visit(self.facts.document.node(node_id))
        mapped = self._seen[node_id]
        if mapped is None or mapped.endswith("."):  # kept as is: its own port
            return f"{node_id}.{port}" if mapped is not None else None
        return mapped

    def _visit(self, node: NodeSpec) -> str | None:
        component = self._component(node)
        if component is None:
            return None
        if node.component in paths.SOURCES:
            return self._source(node, component)
        found = self._path_input(node, component)
        if found is None:
            return None
        return self._carry(node, component, *found)

    def _carry(
        self, node: NodeSpec, component: type[Component], main: str, upstream: str
    ) -> str | None:
        """The step as it runs in inference: bypassed, a frozen transformation, or kept."""
        if node.component in paths.BYPASSED:
            self.bypassed[node.id] = paths.BYPASSED[node.component]
            return upstream
        if node.component in paths.SELECTIONS:
            ref = self._selection_ref(node, component)
            return self._as_applied(node, upstream, ref, "selected_columns")
        learned = paths.fitted_output(component)
        if learned is not None:
            return self._as_applied(node, upstream, self._stored(node, learned), learned)
        return self._kept(node, component, main, upstream)

    def _path_input(self, node: NodeSpec, component: type[Component]) -> tuple[str, str] | None:
        """The step's path input port and where its data comes from in the new graph."""
        if paths.untrained_input(component):
            reason = "it trains a model while it runs, so its output cannot be computed on new data"
            self.problems.add(node.id, node.component, f"{reason}; score a trained model instead")
            return None
        main = paths.main_input(node, component, self.wired)
        if main is None:
            self.problems.add(node.id, node.component, "no data input is connected")
            return None
        upstream = self.endpoint(*self.wired[(node.id, main)])
        return None if upstream is None else (main, upstream)

    def _source(self, node: NodeSpec, component: type[Component]) -> str | None:
        if self.source is not None and self.source[0].id != node.id:
            self.problems.add(node.id, node.component, "a second data source on the scoring path")
            return None
        port = component.outputs[0].name
        self.source = (node, port)
        return self.entry or f"{node.id}."

    def _kept(
        self, node: NodeSpec, component: type[Component], main: str, upstream: str
    ) -> str | None:
        copy = node.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
        self.nodes[node.id] = copy
        self.edges.append({"from": upstream, "to": f"{node.id}.{main}"})
        for port in component.inputs:
            wire = self.wired.get((node.id, port.name))
            if port.name == main or wire is None:
                continue
            side = self.side_input(node, *wire)
            if side is not None:
                self.edges.append({"from": side, "to": f"{node.id}.{port.name}"})
        return f"{node.id}."

    def _as_applied(
        self, node: NodeSpec, upstream: str, ref: OutputRef | None, port: str
    ) -> str | None:
        if ref is None:
            return None
        saved = self._freeze(node.id, node.component, port, ref)
        if saved is None:
            return None
        applied: dict[str, Any] = {"id": node.id, "component": "apply_transformation"}
        if node.position is not None:
            applied["position"] = node.position.model_dump()
        self.nodes[node.id] = applied
        self.edges.append({"from": saved, "to": f"{node.id}.transformation"})
        self.edges.append({"from": upstream, "to": f"{node.id}.dataset"})
        return f"{node.id}.transformed_dataset"

    # -- frozen values -----------------------------------------------------------------
    def side_input(self, consumer: NodeSpec, source: str, port: str) -> str | None:
        """A kept step's other input: the stored value it received, frozen."""
        mapped = self._seen.get(source)
        if mapped is not None:  # the source is on the path itself
            return f"{source}.{port}" if mapped.endswith(".") else mapped
        ref = self._stored(self.facts.document.node(source), port)
        if ref is None:
            return None
        component = self.facts.document.node(source).component
        return self._freeze(source, component, port, ref)

    def _freeze(self, source: str, component: str, port: str, ref: OutputRef) -> str | None:
        known = self._frozen_refs.get((source, ref.content_hash))
        if known is not None:
            return known
        kind = SAVED_NODES.get(ref.port_type)
        if kind is None:
            reason = f"its {ref.port_type} output '{port}' cannot be frozen into a pipeline"
            self.problems.add(source, component, reason)
            return None
        prefix, saved_component, out = kind
        node_id = frozen_node_id(prefix, source, port, set(self.nodes) | set(self._seen))
        origin = f"run {self.facts.run_id[:8]} · {source}.{port}"
        self.nodes[node_id] = saved_node(node_id, saved_component, ref, origin)
        self.frozen.append({"node": source, "component": component, "as": node_id})
        self._frozen_refs[(source, ref.content_hash)] = f"{node_id}.{out}"
        return f"{node_id}.{out}"

    def _stored(self, node: NodeSpec, port: str) -> OutputRef | None:
        ref = self.facts.outputs.get(node.id, {}).get(port)
        if ref is None:
            reason = f"the run kept no '{port}' output of this step"
            self.problems.add(node.id, node.component, reason)
        return ref

    def _selection_ref(self, node: NodeSpec, component: type[Component]) -> OutputRef | None:
        table_port = component.outputs[0].name
        ref = self._stored(node, table_port)
        if ref is None:
            return None
        return freeze_selection(self.store, self.registry, ref, self.scratch)

    def _component(self, node: NodeSpec) -> type[Component] | None:
        try:
            return self.registry.get(node.component)
        except NotFoundError:
            self.problems.add(node.id, node.component, "its component is not installed")
            return None
