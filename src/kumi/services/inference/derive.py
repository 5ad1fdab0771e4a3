"""Deriving real-time and batch inference pipelines from a completed training run."""

from __future__ import annotations

from typing import Any

from kumi.core import ColumnRole, ConflictError, InvalidParameterError, NotFoundError, PortType
from kumi.engine import load_table_head
from kumi.graph import PipelineDocument, ensure_valid, resolve_parameters
from kumi.registry import ComponentRegistry, default_registry
from kumi.services.inference import paths
from kumi.services.inference.batch import WEB_INPUT, sink_nodes, source_nodes
from kumi.services.inference.model import KINDS, DerivedPipeline, Kind, Problems, RunFacts
from kumi.services.inference.walk import PathWalker
from kumi.storage.workspace import Workspace

_TITLES = {"realtime": ("Real-time", "real-time"), "batch": ("Batch", "batch")}


def derive_inference_pipeline(
    workspace: Workspace,
    run_id: str,
    kind: str = "realtime",
    name: str | None = None,
    save: bool = True,
    *,
    registry: ComponentRegistry | None = None,
) -> DerivedPipeline:
    """The ``kind`` ("realtime" or "batch") inference pipeline of completed run
    ``run_id``, saved as ``name`` (default ``<pipeline>-real-time`` / ``-batch``) unless
    ``save`` is false. NotDerivableError names every step that cannot be carried."""
    chosen = normalise_kind(kind)
    registry = registry or default_registry()
    facts = run_facts(workspace, run_id)
    title, suffix = _TITLES[chosen]
    pipeline_name = name or f"{facts.pipeline_name}-{suffix}"
    walker = PathWalker(
        facts,
        registry,
        workspace.artifacts,
        workspace.path / ".scratch",
        entry=f"{WEB_INPUT}.data" if chosen == "realtime" else None,
    )
    scored = _walk(walker, facts)
    walker.problems.raise_if_any(run_id)
    assert walker.source is not None and scored is not None
    source, port = walker.source
    schema = input_schema(workspace, facts, source.id, port)
    raw = _assemble(walker, facts, kind=chosen, name=pipeline_name, scored=scored, schema=schema)
    raw["description"] = (
        f"{title} inference pipeline of run {run_id} (pipeline '{facts.pipeline_name}')."
    )
    document = PipelineDocument.from_dict(raw)
    ensure_valid(document, registry, datasets=workspace.dataset_resolver())
    saved = None
    if save:
        saved = workspace.pipelines.save(
            pipeline_name, document.to_dict(), description=raw["description"]
        )
    kept = {node.id for node in document.nodes}
    return DerivedPipeline(
        document=document,
        kind=chosen,
        training_run_id=run_id,
        dropped=_dropped(walker, facts, kept, registry),
        frozen=walker.frozen,
        input_schema=schema,
        saved=saved,
    )


def normalise_kind(kind: str) -> Kind:
    """``realtime`` (also written ``real-time``) or ``batch``."""
    value = kind.strip().lower().replace("-", "").replace("_", "")
    if value not in KINDS:
        raise InvalidParameterError(
            f"Unknown inference pipeline kind '{kind}'; use 'realtime' or 'batch'.",
            details={"kind": kind, "allowed": list(KINDS)},
        )
    return value  # type: ignore[return-value]


def run_facts(workspace: Workspace, run_id: str) -> RunFacts:
    """The completed run's parameter-resolved document and step outputs."""
    run = workspace.runs.get(run_id)
    if run.status != "completed":
        raise ConflictError(
            f"Run {run_id} is {run.status}; inference pipelines are derived from completed "
            "runs. Wait for it to finish or run the training pipeline again.",
            details={"run_id": run_id, "status": run.status},
        )
    document = resolve_parameters(PipelineDocument.from_dict(run.document), run.parameters)
    outputs = {step.node_id: dict(step.outputs) for step in workspace.runs.steps(run_id)}
    name = run.pipeline_name or document.name
    return RunFacts(run_id=run_id, pipeline_name=name, document=document, outputs=outputs)


def _walk(walker: PathWalker, facts: RunFacts) -> str | None:
    """Walk back from the scoring node; return the scored table's endpoint."""
    doc = facts.document
    scoring = paths.find_scoring(doc)
    if scoring is None:
        _no_scoring(walker.problems, facts)
        return None
    if scoring.trainer is None:
        return walker.endpoint(scoring.node_id, scoring.output)
    trainer = doc.node(scoring.trainer)
    data = walker.endpoint(*walker.wired[(trainer.id, "dataset")])
    model = walker.side_input(trainer, trainer.id, "trained_model")
    if data is None or model is None:
        return None
    walker.nodes[scoring.node_id] = {"id": scoring.node_id, "component": "assign_data_to_clusters"}
    walker.edges.append({"from": model, "to": f"{scoring.node_id}.trained_model"})
    walker.edges.append({"from": data, "to": f"{scoring.node_id}.dataset"})
    return f"{scoring.node_id}.{scoring.output}"


def _no_scoring(problems: Problems, facts: RunFacts) -> None:
    validators = [n for n in facts.document.nodes if n.component == "cross_validate_model"]
    for node in validators:
        reason = (
            "Cross Validate Model keeps no trained model to score with; add Train Model and "
            "Score Model to the training pipeline"
        )
        problems.add(node.id, node.component, reason)
    if not validators:
        reason = "the pipeline has no Score Model or Assign Data to Clusters step to serve"
        problems.add(facts.document.name, "pipeline", reason)


def input_schema(
    workspace: Workspace, facts: RunFacts, source: str, port: str
) -> list[dict[str, Any]]:
    """The columns the scored data started from, label columns left out."""
    ref = facts.outputs.get(source, {}).get(port)
    if ref is None or ref.port_type != PortType.TABLE.value:
        return []
    schema = load_table_head(workspace.artifacts, ref, 1).schema()
    labels = {
        str(node.params["label_column"])
        for node in facts.document.nodes
        if isinstance(node.params.get("label_column"), str)
    }
    return [
        {"name": c.name, "type": c.type.value, "categorical": c.categorical}
        for c in schema.columns
        if c.role != ColumnRole.LABEL and c.name not in labels
    ]


def _assemble(
    walker: PathWalker,
    facts: RunFacts,
    *,
    kind: str,
    name: str,
    scored: str,
    schema: list[dict[str, Any]],
) -> dict[str, Any]:
    assert walker.source is not None
    source, port = walker.source
    entry_nodes, entry_edges, _, parameters = source_nodes(kind, source, port, schema)
    scorer_id = scored.partition(".")[0]
    scorer = next((n for n in facts.document.nodes if n.id == scorer_id), None)
    exit_nodes, exit_edges, exit_parameters = sink_nodes(kind, facts.pipeline_name, scored, scorer)
    return {
        "schema_version": 1,
        "name": name,
        "parameters": {**parameters, **exit_parameters},
        "nodes": [*entry_nodes, *walker.nodes.values(), *exit_nodes],
        "edges": [*entry_edges, *walker.edges, *exit_edges],
    }


def _dropped(
    walker: PathWalker, facts: RunFacts, kept: set[str], registry: ComponentRegistry
) -> list[dict[str, str]]:
    frozen = {entry["node"] for entry in walker.frozen}
    dropped = []
    for node in facts.document.nodes:
        if node.id in kept or node.id in frozen:
            continue
        reason = paths.BYPASSED.get(node.component) or _reason(node.component, registry)
        dropped.append({"node": node.id, "component": node.component, "reason": reason})
    return dropped


def _reason(component_id: str, registry: ComponentRegistry) -> str:
    if component_id in paths.EVALUATORS:
        return "evaluation needs labels: it is for training only"
    try:
        component = registry.get(component_id)
    except NotFoundError:
        return "not on the scoring path"
    if any(port.type == PortType.UNTRAINED_MODEL for port in component.outputs):
        return "the model it configures is used trained (frozen from the run)"
    return "not on the scoring path"
