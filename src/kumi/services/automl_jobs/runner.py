"""Running a queued AutoML job in the calling thread: fit, then keep what it found."""

from __future__ import annotations

import logging
import os
import socket
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

from kumi.automl import AutoMLResult, fit
from kumi.automl.metrics import Metric, get_metric
from kumi.automl.trained import AutoMLTrainedModel
from kumi.core.errors import ConflictError, KumiError, RunCanceledError
from kumi.core.types import ColumnRole, PortType
from kumi.engine import publish
from kumi.services.automl_jobs.progress import JobProgress
from kumi.services.automl_jobs.request import FIT_ARGUMENTS
from kumi.storage.automl_jobs import AutoMLJob
from kumi.storage.orm import utc_now
from kumi.storage.workspace import Workspace

logger = logging.getLogger(__name__)

Listener = Callable[[dict[str, Any]], None]


def this_runner() -> str:
    """``host:pid`` of this process (recorded with the jobs it creates and runs)."""
    return f"{socket.gethostname()}:{os.getpid()}"


def run_job(
    workspace: Workspace,
    job_id: str,
    *,
    on_progress: Listener | None = None,
    cancel: threading.Event | None = None,
) -> AutoMLJob:
    """Run queued job ``job_id`` here (MLflow gets a parent run with a child run per trial)
    and return it finished: completed (result, best model stored and maybe registered),
    failed (``error`` says why) or canceled (the trials done so far kept). A job canceled
    before it started is returned as it is; ConflictError for one that ran already."""
    jobs = workspace.automl_jobs
    cancel = cancel or threading.Event()
    if not jobs.start(job_id, this_runner()):
        job = jobs.get(job_id)
        if job.status == "canceled":
            return job
        raise ConflictError(
            f"AutoML job '{job.name}' is {job.status}; only a queued job can run. Submit a "
            "new job with the same settings instead.",
            details={"job": job_id, "status": job.status},
        )
    job = jobs.get(job_id)
    values: dict[str, Any] = {"status": "failed", "error": _interrupted()}
    try:
        values = _run(workspace, job, on_progress, cancel)
    finally:
        job = _finish(workspace, job, values, cancel)
    return job


def _run(
    workspace: Workspace, job: AutoMLJob, listener: Listener | None, cancel: threading.Event
) -> dict[str, Any]:
    """The job's final values (status and what it produced)."""
    progress: JobProgress | None = None
    try:
        frame = training_frame(workspace, job.dataset_name, job.dataset_version, job.target)
        metric = _resolve_metric(workspace, job, frame)
        progress = JobProgress(workspace.automl_jobs, job.id, metric, cancel, listener)
        with progress:
            result = _fit(workspace, job, frame, progress, cancel)
        return _completed(workspace, job, result)
    except RunCanceledError:
        return {"status": "canceled", **_kept(progress)}
    except KumiError as error:
        return {"status": "failed", "error": _error(error.code, error.message), **_kept(progress)}
    except Exception as error:
        logger.exception("AutoML job %s failed", job.id)
        message = f"The AutoML job failed unexpectedly ({type(error).__name__}: {error})."
        return {"status": "failed", "error": _error("internal_error", message), **_kept(progress)}


def training_frame(
    workspace: Workspace, dataset: str, version: int | None, target: str
) -> pd.DataFrame:
    """The rows of a registered dataset without its ignored columns (the target stays)."""
    table = workspace.datasets.load_table(dataset, version)
    ignored = [
        name for name, role in table.roles.items() if role == ColumnRole.IGNORE and name != target
    ]
    return table.frame.drop(columns=ignored)


def _resolve_metric(workspace: Workspace, job: AutoMLJob, frame: pd.DataFrame) -> Metric:
    """The primary metric (the task's default for this target when none was asked for),
    recorded in the job's settings."""
    classes = int(frame[job.target].nunique()) if job.task == "classification" else 2
    metric = get_metric(job.settings.get("metric"), job.task, max(classes, 2))  # type: ignore[arg-type]
    if job.settings.get("metric") != metric.name:
        workspace.automl_jobs.update(job.id, settings={**job.settings, "metric": metric.name})
    return metric


def _fit(
    workspace: Workspace,
    job: AutoMLJob,
    frame: pd.DataFrame,
    progress: JobProgress,
    cancel: threading.Event,
) -> AutoMLResult:
    arguments = {k: job.settings[k] for k in FIT_ARGUMENTS if job.settings.get(k) is not None}
    valid_name = job.settings.get("validation_dataset")
    valid = None
    if valid_name:
        valid = training_frame(workspace, valid_name, None, job.target)
    return fit(
        frame,
        job.target,
        **arguments,
        validation_data=valid,
        workspace=workspace,
        experiment=job.experiment,
        on_progress=progress,
        cancel=cancel,
    )


def _completed(workspace: Workspace, job: AutoMLJob, result: AutoMLResult) -> dict[str, Any]:
    """Store the best model as a kumi trained model, register it when asked; the values
    of a completed job."""
    summary = result.to_dict()
    model = AutoMLTrainedModel(result.best_model, job.target, result.best_estimator)
    with tempfile.TemporaryDirectory(prefix="kumi-automl-model-") as folder:
        ref = publish(model, PortType.TRAINED_MODEL, workspace.artifacts, Path(folder) / "model")
    values: dict[str, Any] = {
        "status": "completed",
        "result": summary,
        "leaderboard": summary["leaderboard"],
        "mlflow_run_id": result.mlflow_run_id,
        "model_ref": ref.to_dict(),
        "progress": {
            "phase": "completed",
            "elapsed_s": _elapsed(job),
            "trials_done": sum(1 for row in summary["leaderboard"] if row["trial"] >= 0),
            "best_metric": summary["best_metric"],
            "best_estimator": summary["best_estimator"],
        },
    }
    name = job.settings.get("register_model")
    if name:
        version = result.register(str(name), workspace)
        values["registered_model"] = {"name": str(name), "version": version}
    return values


def _finish(
    workspace: Workspace, job: AutoMLJob, values: dict[str, Any], cancel: threading.Event
) -> AutoMLJob:
    """Write the final values; a job canceled meanwhile stays canceled."""
    jobs = workspace.automl_jobs
    if cancel.is_set() or jobs.status(job.id) == "canceled":
        values = {k: v for k, v in values.items() if k in ("leaderboard", "progress")}
        values["status"] = "canceled"
        values.setdefault("error", None)
    current = jobs.get(job.id)
    finished_at = current.finished_at if current.status == "canceled" else None
    return jobs.update(job.id, **values, finished_at=finished_at or utc_now())


def _kept(progress: JobProgress | None) -> dict[str, Any]:
    """What a job that did not complete keeps: the leaderboard and progress so far."""
    if progress is None:
        return {}
    return {"leaderboard": progress.leaderboard(), "progress": dict(progress.progress)}


def _elapsed(job: AutoMLJob) -> float:
    started = job.started_at or utc_now()
    return round((utc_now() - started).total_seconds(), 2)


def _error(code: str, message: str) -> dict[str, Any]:
    return {"code": code, "message": message}


def _interrupted() -> dict[str, Any]:
    return _error("job_interrupted", "The AutoML job was interrupted before it finished.")
