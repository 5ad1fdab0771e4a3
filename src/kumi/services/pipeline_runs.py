"""Run a pipeline document in a workspace: validate, record, execute, track."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from kumi.core import InvalidParameterError
from kumi.engine import BackgroundHooks, Engine, ExecutionPlan, RunHandle, RunHooks, RunResult
from kumi.graph import PipelineDocument
from kumi.registry import ComponentRegistry, default_registry
from kumi.services.run_recorder import RunRecorder, run_outcome
from kumi.services.spark_batch import run_batch_on_spark
from kumi.storage.records import Run
from kumi.storage.workspace import Workspace
from kumi.tracking.run_tracker import MlflowRunTracker, TrackingTarget


@dataclass(frozen=True)
class RunSummary:
    """What a finished run reports to the CLI and SDK."""

    run_id: str
    status: str
    result: RunResult
    metrics: dict[str, float]
    mlflow_run_id: str | None

    @property
    def ok(self) -> bool:
        return self.status == "completed"

    def to_json(self) -> dict[str, Any]:
        """The CLI's ``--json`` shape (design contract)."""
        return {
            "run_id": self.run_id,
            "status": self.status,
            "steps": [
                {
                    "id": step.node_id,
                    "status": step.status.value,
                    "cached": step.cached,
                    "seconds": round(step.seconds, 4),
                }
                for step in self.result.steps.values()
            ],
            "metrics": self.metrics,
        }


def merge_parameters(
    document: PipelineDocument, overrides: Mapping[str, Any] | None
) -> dict[str, Any]:
    """The document's parameter defaults with ``overrides`` applied; unknown names fail."""
    values = dict(document.parameters)
    for name, value in (overrides or {}).items():
        if name not in values:
            known = ", ".join(sorted(values)) or "none"
            raise InvalidParameterError(
                f"Pipeline '{document.name}' has no parameter '{name}' (its parameters: "
                f"{known}). Declare it under `parameters:` or fix the name.",
                details={"parameter": name, "known": sorted(values)},
            )
        values[name] = value
    return values


def workspace_engine(
    workspace: Workspace,
    *,
    registry: ComponentRegistry | None = None,
    max_workers: int | None = None,
) -> Engine:
    """An engine over the workspace's artifacts, cache, datasets and log folder."""
    options: dict[str, Any] = {} if max_workers is None else {"max_workers": max_workers}
    return Engine(
        registry or default_registry(),
        workspace.artifacts,
        workspace.cache,
        datasets=workspace.dataset_resolver(),
        log_dir=workspace.path / "logs",
        scratch_dir=workspace.path / ".scratch",
        datastore=workspace.datastore_uri,
        **options,
    )


def _run_until_done(
    engine: Engine,
    plan: ExecutionPlan,
    run_id: str,
    hooks: Sequence[RunHooks],
    regenerate: bool | set[str],
    *,
    on_start: Callable[[RunHandle], None] | None = None,
) -> RunResult:
    """Run in the background and wait; an interrupt (Ctrl-C) cancels the run cleanly:
    running steps are stopped, the rest marked canceled, and the run recorded so."""
    handle = engine.start(plan, run_id=run_id, hooks=hooks, regenerate=regenerate)
    if on_start is not None:
        on_start(handle)
    try:
        while not handle.done:
            handle.wait(timeout=0.2)
    except KeyboardInterrupt:
        handle.cancel()
        while not handle.done:
            handle.wait(timeout=0.2)
    return handle.wait()


def run_pipeline(
    workspace: Workspace,
    document: PipelineDocument,
    *,
    parameter_values: Mapping[str, Any] | None = None,
    experiment: str | None = None,
    regenerate: bool | set[str] = False,
    hooks: Sequence[RunHooks] = (),
    engine: Engine | None = None,
    track: bool = True,
) -> RunSummary:
    """Validate and run ``document``; every step is recorded and tracked in MLflow.

    Raises PipelineValidationError (nothing recorded) when the document cannot run.
    """
    owned = engine is None
    engine = engine or workspace_engine(workspace)
    try:
        return _run_recorded(
            workspace,
            engine,
            document,
            parameter_values=parameter_values,
            experiment=experiment,
            regenerate=regenerate,
            hooks=hooks,
            track=track,
        )
    finally:
        if owned:
            engine.close()


def submit_run(
    workspace: Workspace,
    engine: Engine,
    document: PipelineDocument,
    *,
    parameter_values: Mapping[str, Any] | None = None,
    experiment: str | None = None,
    regenerate: bool | Sequence[str] = False,
) -> Run:
    """Check that ``document`` can run with these parameter values and record it as a
    queued run (nothing is recorded when it cannot run: PipelineValidationError).
    ``regenerate``: run every step (True) or these nodes' steps again, reusing nothing."""
    values = merge_parameters(document, parameter_values)
    engine.plan(document, parameter_values=values)
    if not isinstance(regenerate, bool):
        _check_nodes(document, regenerate)
    return workspace.runs.create(
        document=document.model_dump(mode="json", by_alias=True),
        parameters=values,
        experiment=experiment or document.name,
        pipeline_name=document.name,
        run_id=uuid.uuid4().hex,
        regenerate=regenerate,
    )


def _check_nodes(document: PipelineDocument, nodes: Sequence[str]) -> None:
    known = {node.id for node in document.nodes}
    unknown = sorted(set(nodes) - known)
    if unknown:
        raise InvalidParameterError(
            f"Cannot regenerate {', '.join(unknown)}: pipeline '{document.name}' has no such "
            f"node (its nodes: {', '.join(sorted(known))}).",
            details={"unknown_nodes": unknown},
        )


def execute_run(
    workspace: Workspace,
    engine: Engine,
    run: Run,
    *,
    regenerate: bool | set[str] | None = None,
    hooks: Sequence[RunHooks] = (),
    track: bool = True,
    on_start: Callable[[RunHandle], None] | None = None,
) -> RunSummary:
    """Execute a recorded run (see :func:`submit_run`); steps are recorded and tracked.
    ``regenerate`` defaults to the run's own; ``on_start`` is handed the engine's run
    handle (to cancel it)."""
    if regenerate is None:
        regenerate = run.regenerate if isinstance(run.regenerate, bool) else set(run.regenerate)
    document = PipelineDocument.from_dict(run.document)
    plan = engine.plan(document, parameter_values=run.parameters)
    on_spark = run_batch_on_spark(workspace, run, plan)
    if on_spark is not None:
        workspace.runs.set_status(run.id, on_spark.status.value)
        return RunSummary(run.id, on_spark.status.value, on_spark, {}, None)
    recorder = RunRecorder(workspace.runs, workspace.path)
    tracker = (
        MlflowRunTracker(
            TrackingTarget(workspace.tracking_uri, workspace.mlflow_artifact_uri, run.experiment),
            document,
            run.parameters,
            workspace.artifacts,
        )
        if track
        else None
    )
    all_hooks = [recorder, *([BackgroundHooks(tracker)] if tracker else []), *hooks]
    result = _run_until_done(engine, plan, run.id, all_hooks, regenerate, on_start=on_start)
    metrics = dict(tracker.metrics) if tracker else {}
    mlflow_run_id = tracker.parent_run_id if tracker else None
    workspace.runs.update(run.id, metrics=metrics, mlflow_run_id=mlflow_run_id)
    status, error = run_outcome(result)  # after the metrics: a finished run has them
    workspace.runs.set_status(run.id, status, error=error)
    return RunSummary(run.id, result.status.value, result, metrics, mlflow_run_id)


def _run_recorded(
    workspace: Workspace,
    engine: Engine,
    document: PipelineDocument,
    *,
    parameter_values: Mapping[str, Any] | None,
    experiment: str | None,
    regenerate: bool | set[str],
    hooks: Sequence[RunHooks],
    track: bool,
) -> RunSummary:
    run = submit_run(
        workspace,
        engine,
        document,
        parameter_values=parameter_values,
        experiment=experiment,
        regenerate=regenerate if isinstance(regenerate, bool) else sorted(regenerate),
    )
    return execute_run(workspace, engine, run, regenerate=regenerate, hooks=hooks, track=track)
