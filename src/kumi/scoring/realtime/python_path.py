"""The Python graph in-process: frozen nodes computed once at load, the nodes downstream
of Web Service Input run per request (Execute Python Script in a warm process)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kumi.components.script._warm import WarmScript, run_warm
from kumi.core import (
    FileArtifact,
    Inputs,
    InvalidInputError,
    KumiError,
    Outputs,
    RunContext,
    StepFailedError,
    Table,
)
from kumi.scoring.realtime.graph import (
    INPUT_COMPONENT,
    OUTPUT_COMPONENT,
    SCRIPT_COMPONENT,
    GraphNode,
    RealtimeGraph,
)

ContextFactory = Callable[[str], RunContext]
"""Makes the run context of a node (by id)."""

Values = dict[tuple[str, str], Any]


class PythonGraphScorer:
    """Scores request tables through the graph's per-request nodes; the frozen values are
    computed at construction unless given (``frozen``, e.g. from a packaged model)."""

    def __init__(
        self, graph: RealtimeGraph, context: ContextFactory, frozen: Values | None = None
    ) -> None:
        self.graph = graph
        self._context = context
        self.frozen: Values = dict(frozen) if frozen is not None else {}
        for node_id in graph.frozen if frozen is None else []:
            node = graph.nodes[node_id]
            self._store(node_id, _run(node, self._inputs(node, self.frozen), context(node_id)))
        self._scripts = {
            node_id: _warm_script(graph.nodes[node_id], self.frozen, context(node_id))
            for node_id in graph.per_request
            if graph.nodes[node_id].component.id == SCRIPT_COMPONENT
        }
        self._contexts = {node_id: context(node_id) for node_id in graph.per_request}

    def sample_table(self) -> Table | None:
        """The table Web Service Input passes on when run as a job (None if unconnected)."""
        source = self.graph.input_source()
        value = self.frozen.get(source) if source else None
        return value if isinstance(value, Table) else None

    def score(self, table: Table) -> dict[str, Table]:
        """``{output name: table}`` for the request rows in ``table``."""
        values: Values = {(self.graph.input_node, "data"): table}
        results: dict[str, Table] = {}
        outputs = {node: name for name, node in self.graph.output_nodes.items()}
        for node_id in self.graph.per_request[1:]:
            node = self.graph.nodes[node_id]
            inputs = self._inputs(node, values)
            if node_id in outputs:
                results[outputs[node_id]] = inputs.table("data")
            else:
                values.update(_keyed(node_id, self._step(node, inputs)))
        return results

    def _step(self, node: GraphNode, inputs: Inputs) -> Outputs:
        """One per-request step; an unexpected failure becomes an error naming the step."""
        try:
            if node.id in self._scripts:
                return run_warm(self._scripts[node.id], inputs)
            return _run(node, inputs, self._contexts[node.id])
        except KumiError:
            raise
        except Exception as error:
            raise StepFailedError(
                f"Step '{node.id}' ({node.component.id}) failed on the request rows: "
                f"{type(error).__name__}: {error}. Check the values sent.",
                details={"node": node.id, "component": node.component.id},
            ) from error

    def close(self) -> None:
        for script in self._scripts.values():
            script.close()

    def _store(self, node_id: str, outputs: Outputs) -> None:
        self.frozen.update(_keyed(node_id, outputs))

    def _inputs(self, node: GraphNode, values: Values) -> Inputs:
        loaded: dict[str, Any] = {}
        for port, source in node.inputs.items():
            if source in values:
                loaded[port] = values[source]
            elif source in self.frozen:
                loaded[port] = self.frozen[source]
        return Inputs(loaded)


def _run(node: GraphNode, inputs: Inputs, ctx: RunContext) -> Outputs:
    if node.component.id in (INPUT_COMPONENT, OUTPUT_COMPONENT):
        raise InvalidInputError(
            f"Node '{node.id}' ({node.component.id}) cannot be computed ahead of requests.",
            details={"node": node.id},
        )
    return node.component().run(node.params, inputs, ctx)


def _keyed(node_id: str, outputs: Outputs) -> Values:
    return {(node_id, port): value for port, value in outputs.items()}


def _warm_script(node: GraphNode, frozen: Values, ctx: RunContext) -> WarmScript:
    params = node.params.model_dump()
    source = node.inputs.get("script_bundle")
    bundle = frozen.get(source) if source else None
    return WarmScript(
        params["python_script"],
        bundle=bundle if isinstance(bundle, FileArtifact) else None,
        work_dir=ctx.work_dir,
        timeout=float(params["timeout_seconds"]),
        logger=ctx.logger,
    )


def null_context(work_dir: Path) -> ContextFactory:
    """Contexts with no workspace (tests, documents without datasets)."""
    logger = logging.getLogger("kumi.endpoint")
    return lambda node_id: RunContext(node_id=node_id, work_dir=work_dir, logger=logger)
