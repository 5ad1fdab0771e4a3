"""A completed job's best model elsewhere: behind a real-time endpoint, in a designer
pipeline, and as a retraining script."""

from __future__ import annotations

from typing import Any

from kumi.automl.script import retraining_script
from kumi.automl.trained import AutoMLTrainedModel
from kumi.core.contracts import OutputRef
from kumi.core.errors import ConflictError, DataFormatError
from kumi.core.table import TableSchema
from kumi.engine import load_output
from kumi.registry import ComponentRegistry
from kumi.services.endpoints import deploy_endpoint
from kumi.storage.automl_jobs import AutoMLJob
from kumi.storage.endpoints import Endpoint
from kumi.storage.records import Pipeline
from kumi.storage.workspace import Workspace

INPUT_NAME = "input1"
_ROW_GAP = 120


def deploy_job(
    workspace: Workspace,
    job_id: str,
    name: str,
    *,
    registry: ComponentRegistry | None = None,
) -> Endpoint:
    """Deploy the job's best model as real-time endpoint ``name``: Web Service Input →
    Score Model (the stored model) → Web Service Output, saved as pipeline
    ``<name>-realtime``. ConflictError unless the job completed (or when the name is taken)."""
    job, ref = completed_job(workspace, job_id)
    model = load_model(workspace, ref)
    schema = workspace.datasets.table_schema(job.dataset_name, job.dataset_version)
    pipeline = f"{name}-realtime"
    saved = workspace.pipelines.save(
        pipeline,
        realtime_document(job, ref, input_schema(schema, model), pipeline),
        description=f"Real-time pipeline of AutoML job {job.name} ({job.id}).",
    )
    try:
        return deploy_endpoint(workspace, name, pipeline=pipeline, registry=registry)
    except Exception:
        if saved.version == 1:
            workspace.pipelines.delete(pipeline)
        raise


def designer_pipeline(workspace: Workspace, job_id: str, name: str | None = None) -> Pipeline:
    """Save a designer pipeline scoring the job's dataset with its best model (Dataset →
    Score Model ← Saved Trained Model, then Evaluate Model when the dataset holds the
    target), ready to edit; ConflictError unless the job completed."""
    job, ref = completed_job(workspace, job_id)
    pipeline = name or f"{job.name}-designer"
    return workspace.pipelines.save(
        pipeline,
        scoring_document(workspace, job, ref, pipeline),
        description=f"The best model of AutoML job {job.name} ({job.id}), from its page.",
    )


def job_script(workspace: Workspace, job_id: str) -> str:
    """Python source that retrains the job's best model on a CSV or Parquet file."""
    job, ref = completed_job(workspace, job_id)
    trained = load_model(workspace, ref)
    result = job.result or {}
    return retraining_script(
        trained.model,
        target=job.target,
        task=trained.model.task,
        metric=str(result.get("metric") or job.metric),
        seed=int(job.settings.get("seed", 0)),
    )


def completed_job(workspace: Workspace, job_id: str) -> tuple[AutoMLJob, OutputRef]:
    """The job and its stored best model; ConflictError unless it completed."""
    job = workspace.automl_jobs.get(job_id)
    ref = job.model_output
    if job.status != "completed" or ref is None:
        raise ConflictError(
            f"AutoML job '{job.name}' is {job.status}; only a completed job has a best model "
            "to deploy, open in the designer or retrain. Wait for it to complete.",
            details={"job": job.id, "status": job.status},
        )
    return job, ref


def load_model(workspace: Workspace, ref: OutputRef) -> AutoMLTrainedModel:
    """The stored best model."""
    model = load_output(workspace.artifacts, ref)
    if not isinstance(model, AutoMLTrainedModel):
        raise DataFormatError(
            f"Stored output '{ref.key}' is not an AutoML model; the job's artifacts are "
            "damaged — run the job again.",
            details={"key": ref.key},
        )
    return model


def input_schema(schema: TableSchema, model: AutoMLTrainedModel) -> list[dict[str, Any]]:
    """Web Service Input's columns: the model's, typed as in the training dataset."""
    columns = []
    for name in model.feature_columns_:
        info = schema.get(name)
        kind = info.type.value if info is not None else "string"
        categorical = bool(info.categorical) if info is not None else False
        columns.append({"name": name, "type": kind, "categorical": categorical})
    return columns


def realtime_document(
    job: AutoMLJob, ref: OutputRef, schema: list[dict[str, Any]], name: str
) -> dict[str, Any]:
    """Dataset → Web Service Input (``schema``: its columns) → Score Model ← Saved
    Trained Model; Score Model → Web Service Output."""
    nodes = [
        _node("data", "dataset", 0, 0, name=job.dataset_name, version=job.dataset_version),
        _node("web_service_input", "web_service_input", 0, 1, name=INPUT_NAME,
              input_schema=schema),
        _saved_model(job, ref, -1, 1),
        _node("score", "score_model", 0, 2),
        _node("web_service_output", "web_service_output", 0, 3),
    ]  # fmt: skip
    edges = [
        ("data.dataset", "web_service_input.dataset"),
        ("web_service_input.data", "score.dataset"),
        ("model.trained_model", "score.trained_model"),
        ("score.scored_dataset", "web_service_output.data"),
    ]
    return _document(name, nodes, edges)


def scoring_document(
    workspace: Workspace, job: AutoMLJob, ref: OutputRef, name: str
) -> dict[str, Any]:
    """Dataset → Score Model ← Saved Trained Model [→ Evaluate Model]."""
    nodes = [
        _node("data", "dataset", 0, 0, name=job.dataset_name, version=job.dataset_version),
        _saved_model(job, ref, -1, 0),
        _node("score", "score_model", 0, 1),
    ]
    edges = [("data.dataset", "score.dataset"), ("model.trained_model", "score.trained_model")]
    schema = workspace.datasets.table_schema(job.dataset_name, job.dataset_version)
    if schema.get(job.target) is not None:
        nodes.append(_node("evaluate", "evaluate_model", 0, 2))
        edges.append(("score.scored_dataset", "evaluate.scored_dataset"))
    return _document(name, nodes, edges)


def _saved_model(job: AutoMLJob, ref: OutputRef, column: int, row: int) -> dict[str, Any]:
    source = f"AutoML job {job.name} ({job.id}): {(job.result or {}).get('best_estimator', '')}"
    return _node("model", "saved_trained_model", column, row, **ref.to_dict(), source=source)


def _node(node_id: str, component: str, column: int, row: int, **params: Any) -> dict[str, Any]:
    position = {"x": column * 260, "y": row * _ROW_GAP}
    return {"id": node_id, "component": component, "params": params, "position": position}


def _document(
    name: str, nodes: list[dict[str, Any]], edges: list[tuple[str, str]]
) -> dict[str, Any]:
    return {
        "schema_version": 1,
        "name": name,
        "nodes": nodes,
        "edges": [{"from": a, "to": b} for a, b in edges],
    }
