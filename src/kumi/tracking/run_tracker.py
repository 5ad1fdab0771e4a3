"""Every pipeline run is an MLflow run: a parent run per pipeline run and one child run
per step, with parameters, Evaluate Model metrics under stable names, and each trained
model logged as an MLflow model. Implemented as engine hooks."""

from __future__ import annotations

import json
import logging
import math
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mlflow.entities import Metric, Param
from mlflow.utils.mlflow_tags import MLFLOW_PARENT_RUN_ID, MLFLOW_RUN_NAME

from kumi.core import ArtifactStore, EvaluationReport, OutputRef, PortType, Table, TrainedModel
from kumi.engine import RunHooks, RunResult, StepResult
from kumi.engine.codecs import load_output, load_table_head
from kumi.graph import PipelineDocument
from kumi.tracking.client import ensure_experiment, tracking_client
from kumi.tracking.pyfunc_model import save_trained_model

logger = logging.getLogger(__name__)

MAX_PARAM_LENGTH = 6000
EXAMPLE_ROWS = 100
"""Rows of the training table read to build a logged model's input example and signature."""
_TERMINAL = {"completed": "FINISHED", "reused": "FINISHED", "failed": "FAILED"}


@dataclass
class TrackingTarget:
    """Where runs are logged."""

    tracking_uri: str
    artifact_location: str | None
    experiment_name: str


@dataclass
class MlflowRunTracker(RunHooks):
    """Logs one kumi pipeline run to MLflow as it happens."""

    target: TrackingTarget
    document: PipelineDocument
    parameter_values: dict[str, Any]
    store: ArtifactStore
    parent_run_id: str | None = None
    experiment_id: str | None = None
    metrics: dict[str, float] = field(default_factory=dict)
    primary_report: str | None = None
    """The first Evaluate Model step: its metrics carry plain names, later ones
    ``<node>/<metric>``."""
    _outputs: dict[str, dict[str, OutputRef]] = field(default_factory=dict)

    @property
    def _client(self) -> Any:
        return tracking_client(self.target.tracking_uri)

    def before_pipeline_run(self, *, run_id: str, plan: Any) -> None:
        self.document = plan.document  # parameters resolved
        self.experiment_id = ensure_experiment(
            self._client, self.target.experiment_name, self.target.artifact_location
        )
        run = self._client.create_run(
            self.experiment_id,
            run_name=f"{self.document.name} {run_id[:8]}",
            tags={"kumi.run_id": run_id, "kumi.pipeline": self.document.name},
        )
        self.parent_run_id = run.info.run_id
        params = [Param(k, _param_text(v)) for k, v in sorted(self.parameter_values.items())]
        self._client.log_batch(self.parent_run_id, params=params)

    def after_step(self, *, run_id: str, step: StepResult) -> None:
        self._outputs[step.node_id] = dict(step.outputs)
        if self.parent_run_id is None or self.experiment_id is None:
            return
        child = self._client.create_run(
            self.experiment_id,
            tags={
                MLFLOW_PARENT_RUN_ID: self.parent_run_id,
                MLFLOW_RUN_NAME: step.node_id,
                "kumi.run_id": run_id,
                "kumi.node_id": step.node_id,
                "kumi.component": step.component_id,
                "kumi.status": str(step.status),
                "kumi.cached": str(step.cached).lower(),
                "kumi.reason": step.reason[:5000],
            },
        ).info.run_id
        try:
            self._log_step(child, step)
        except Exception:  # tracking must never fail the run; say what went wrong
            logger.exception("Could not log step %s to MLflow", step.node_id)
        self._client.set_terminated(child, _TERMINAL.get(str(step.status), "KILLED"))

    def after_pipeline_run(self, *, run_id: str, plan: Any, result: RunResult) -> None:
        if self.parent_run_id is None:
            return
        now = int(time.time() * 1000)
        metrics = [Metric(k, v, now, 0) for k, v in sorted(self.metrics.items())]
        self._client.log_batch(self.parent_run_id, metrics=metrics)
        status = {"completed": "FINISHED", "failed": "FAILED"}.get(str(result.status), "KILLED")
        self._client.set_terminated(self.parent_run_id, status)

    # -- per step ----------------------------------------------------------------------
    def _log_step(self, child: str, step: StepResult) -> None:
        node = next(n for n in self.document.nodes if n.id == step.node_id)
        params = [Param(k, _param_text(v)) for k, v in sorted(node.params.items())]
        now = int(time.time() * 1000)
        metrics = [Metric("seconds", float(step.seconds), now, 0)]
        if str(step.status) in ("completed", "reused"):
            for port, ref in step.outputs.items():
                metrics += self._report_metrics(step.node_id, ref, now)
                if ref.port_type == PortType.TRAINED_MODEL and not step.cached:
                    self._log_model(child, step.node_id, port, ref)
        self._client.log_batch(child, metrics=metrics, params=params)

    def _report_metrics(self, node_id: str, ref: OutputRef, now: int) -> list[Metric]:
        if ref.port_type != PortType.EVALUATION_REPORT:
            return []
        report = load_output(self.store, ref)
        assert isinstance(report, EvaluationReport)
        values = {k: float(v) for k, v in report.metrics.items() if _is_number(v)}
        if self.primary_report is None:
            self.primary_report = node_id
            self.metrics.update(values)
        else:
            self.metrics.update({f"{node_id}/{name}": value for name, value in values.items()})
        return [Metric(k, v, now, 0) for k, v in values.items()]

    def _log_model(self, child: str, node_id: str, port: str, ref: OutputRef) -> None:
        model = load_output(self.store, ref)
        assert isinstance(model, TrainedModel)
        example = self._training_example(node_id)
        if example is None:
            return
        with tempfile.TemporaryDirectory(prefix="kumi-model-") as folder:
            path = save_trained_model(model, Path(folder) / "model", example.frame)
            self._client.log_artifacts(child, str(path), artifact_path="model")
        self._client.set_tag(child, "kumi.model_uri", f"runs:/{child}/model")

    def _training_example(self, node_id: str) -> Table | None:
        """The first rows of the table the model was trained on (its input example)."""
        for edge in self.document.edges:
            target_node, target_port = edge.to.split(".", 1)
            if target_node == node_id and target_port in ("dataset", "training_dataset"):
                source_node, source_port = edge.from_.split(".", 1)
                ref = self._outputs.get(source_node, {}).get(source_port)
                if ref is not None and ref.port_type == PortType.TABLE:
                    return load_table_head(self.store, ref, EXAMPLE_ROWS)
        return None


def _param_text(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, default=str)
    return text[:MAX_PARAM_LENGTH]


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
