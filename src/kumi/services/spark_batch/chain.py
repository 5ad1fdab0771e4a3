"""Recognise a batch scoring run that Spark can take over: a registered dataset → Apply
Transformation* (frozen) → Score Model (frozen model) → Export Data to a file, and compile its
fitted steps to one self-describing ONNX graph. Anything else answers why not."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kumi.core import NotDerivableError, OutputRef, Table, TrainedModel, Transformation
from kumi.engine import ExecutionPlan, PlannedStep, load_output
from kumi.scoring.registered import RegisteredOnnx
from kumi.storage.workspace import Workspace
from kumi.tracking.onnx import InputColumn, ScoringChain, chain_spec, compile_chain, with_spec

_SAVED = {"saved_transformation", "saved_trained_model"}


@dataclass(frozen=True)
class BatchChain:
    """What the Spark run needs: the source dataset, the compiled model, the output."""

    dataset: Table
    model: RegisteredOnnx
    keep_columns: bool
    output_path: str
    file_format: str
    node_ids: tuple[str, ...]


def batch_chain(workspace: Workspace, plan: ExecutionPlan) -> BatchChain | str:
    """The run's scoring chain compiled to ONNX, or the reason it runs on the local engine."""
    steps = plan.steps
    exports = [s for s in steps.values() if s.component.id == "export_data"]
    if len(exports) != 1:
        return "it is not a batch scoring pipeline (one Export Data step)"
    export = exports[0]
    if getattr(export.params, "database_url", "") or not getattr(export.params, "path", ""):
        return f"step '{export.node_id}' writes to a database, not a file"
    walked = _walk_back(steps, export)
    if isinstance(walked, str):
        return walked
    source, transformations, score = walked
    chain = [*transformations, score]
    used = {source.node_id, export.node_id} | {s.node_id for s in chain}
    used |= {ref.node for s in chain for ref in s.inputs.values()}
    if set(steps) - used:
        return f"step(s) {', '.join(sorted(set(steps) - used))} are not part of a scoring chain"
    return _compiled(
        workspace, plan, source=source, transformations=transformations, score=score, export=export
    )


def _walk_back(
    steps: Any, export: PlannedStep
) -> tuple[PlannedStep, list[PlannedStep], PlannedStep] | str:
    score = steps[export.inputs["dataset"].node]
    if score.component.id != "score_model":
        return f"step '{score.node_id}' ({score.component.id}) is not Score Model"
    transformations: list[PlannedStep] = []
    current = steps[score.inputs["dataset"].node]
    while current.component.id == "apply_transformation":
        transformations.insert(0, current)
        current = steps[current.inputs["dataset"].node]
    if current.component.id != "dataset":
        return f"step '{current.node_id}' ({current.component.id}) is not a registered dataset"
    for step in [*transformations, score]:
        frozen = [steps[ref.node].component.id for ref in step.inputs.values()]
        if sum(kind in _SAVED for kind in frozen) != 1:
            return f"step '{step.node_id}' does not use a frozen (saved) fitted value"
    return current, transformations, score


def _compiled(
    workspace: Workspace,
    plan: ExecutionPlan,
    *,
    source: PlannedStep,
    transformations: list[PlannedStep],
    score: PlannedStep,
    export: PlannedStep,
) -> BatchChain | str:
    name = str(getattr(source.params, "name", ""))
    version = getattr(source.params, "version", None)
    table = workspace.datasets.load_table(name, version)
    chain = ScoringChain(
        input_columns=[InputColumn(c.name, c.type, c.categorical) for c in table.schema().columns],
        transformations=[_frozen(workspace, plan, t, "transformation") for t in transformations],
        model=_frozen(workspace, plan, score, "trained_model"),
    )
    if not isinstance(chain.model, TrainedModel) or not all(
        isinstance(t, Transformation) for t in chain.transformations
    ):
        return "a frozen step does not hold a fitted transformation or model"
    try:
        compiled = compile_chain(chain)
    except NotDerivableError as error:
        return f"its steps do not compile to ONNX ({error.message})"
    model_bytes = with_spec(compiled.model, chain_spec(compiled)).SerializeToString()
    return BatchChain(
        dataset=table,
        model=RegisteredOnnx(plan.document.name, 0, model_bytes, {}, "", chain_spec(compiled)),
        keep_columns=bool(getattr(score.params, "append_score_columns_to_output", True)),
        output_path=str(export.params.path),  # type: ignore[attr-defined]
        file_format=str(getattr(export.params, "file_format", "auto")),
        node_ids=tuple(plan.order),
    )


def _frozen(workspace: Workspace, plan: ExecutionPlan, step: PlannedStep, port: str) -> Any:
    saved = plan.steps[step.inputs[port].node].params
    ref = OutputRef(saved.key, saved.content_hash, saved.port_type)  # type: ignore[attr-defined]
    return load_output(workspace.artifacts, ref)
