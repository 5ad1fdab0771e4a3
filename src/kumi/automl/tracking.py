"""An AutoML job in MLflow: one parent run and one child run per trial (and the ensemble).

The parent run holds the settings as parameters, the best value of the primary metric, and
the job's reports as artifacts (``guardrails.json``, ``leaderboard.csv``,
``featurization.json``, ``charts.json``, ``feature_importance.json``). Each child run holds
its trial's family, parameters, metric and timings, tagged with family and status. Runs are
written with ``log_batch``, a few calls per trial, so a hundred trials log in seconds.
"""

from __future__ import annotations

import json
import math
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from mlflow.entities import Metric, Param, RunTag
from mlflow.tracking import MlflowClient
from mlflow.utils.mlflow_tags import MLFLOW_PARENT_RUN_ID, MLFLOW_RUN_NAME

from kumi.automl.result import AutoMLResult, json_ready, leaderboard_csv
from kumi.tracking.client import ensure_experiment, tracking_client

MAX_PARAM_LENGTH = 6000
_TERMINAL = {"completed": "FINISHED", "pruned": "KILLED", "timeout": "KILLED", "failed": "FAILED"}


def log_to_mlflow(
    result: AutoMLResult,
    tracking_uri: str,
    experiment: str,
    *,
    artifact_location: str | None = None,
) -> str:
    """Log ``result`` under ``experiment`` (created when missing, with ``artifact_location``;
    default: ``mlruns/`` beside a SQLite tracking database); the parent run's id, also set
    as ``result.mlflow_run_id``."""
    client = tracking_client(tracking_uri)
    location = artifact_location or _default_artifact_location(tracking_uri)
    experiment_id = ensure_experiment(client, experiment, location)
    parent = client.create_run(
        experiment_id,
        run_name=f"automl {result.settings.target}",
        tags={"kumi.automl": "true", "kumi.best_estimator": result.best_estimator},
    ).info.run_id
    _log_parent(client, parent, result)
    for row in result.leaderboard.to_dict(orient="records"):
        _log_trial(
            client, experiment_id, parent, {str(k): v for k, v in row.items()}, result.metric
        )
    client.set_terminated(parent, "FINISHED")
    result.mlflow_run_id = parent
    return str(parent)


def _log_parent(client: MlflowClient, run_id: str, result: AutoMLResult) -> None:
    now = _now()
    settings = result.settings.model_dump(mode="json")
    params = [Param(k, _text(v)) for k, v in sorted(settings.items())]
    metrics = []
    if result.best_metric is not None:
        metrics = [
            Metric(result.metric, result.best_metric, now, 0),
            Metric(f"best_{result.metric}", result.best_metric, now, 0),
        ]
    tags = [RunTag("kumi.metric", result.metric), RunTag("kumi.task", result.task)]
    client.log_batch(run_id, metrics=metrics, params=params, tags=tags)
    summary = result.to_dict()
    for name in ("guardrails", "featurization", "charts", "feature_importance"):
        client.log_dict(run_id, summary[name], f"{name}.json")
    client.log_text(run_id, leaderboard_csv(result.leaderboard), "leaderboard.csv")


def _log_trial(
    client: MlflowClient, experiment_id: str, parent: str, row: dict[str, Any], metric: str
) -> None:
    status = str(row["status"])
    started = _now()
    tags = {
        MLFLOW_PARENT_RUN_ID: parent,
        MLFLOW_RUN_NAME: f"trial {row['trial']} {row['family']}",
        "kumi.trial": str(row["trial"]),
        "kumi.family": str(row["family"]),
        "kumi.status": status,
        "kumi.rank": str(row["rank"]),
    }
    if row.get("error"):
        tags["kumi.error"] = str(row["error"])[:5000]
    run_id = client.create_run(experiment_id, start_time=started, tags=tags).info.run_id
    params = [Param(str(k), _text(v)) for k, v in sorted(json_ready(row["params"]).items())]
    values = {metric: row["metric"], "fit_s": row["fit_s"], "predict_s": row["predict_s"]}
    metrics = [Metric(k, float(v), started, 0) for k, v in values.items() if _finite(v)]
    client.log_batch(run_id, metrics=metrics, params=params)
    client.set_terminated(run_id, _TERMINAL.get(status, "KILLED"), end_time=started)


def _default_artifact_location(tracking_uri: str) -> str | None:
    """``mlruns/`` beside a SQLite tracking database; None (MLflow's default) otherwise."""
    parsed = urlparse(tracking_uri)
    if parsed.scheme != "sqlite" or not tracking_uri.startswith("sqlite:///"):
        return None
    database = Path(tracking_uri.removeprefix("sqlite:///"))
    return (database.resolve().parent / "mlruns").as_uri()


def _text(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(json_ready(value), sort_keys=True)
    return text[:MAX_PARAM_LENGTH]


def _finite(value: Any) -> bool:
    return value is not None and isinstance(value, int | float) and math.isfinite(value)


def _now() -> int:
    return int(time.time() * 1000)
