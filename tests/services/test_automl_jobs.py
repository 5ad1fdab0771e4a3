"""AutoML jobs in a real workspace: checked before queuing, run with MLflow tracking and a
live leaderboard, canceled, deployed, opened in the designer, and failed after a restart."""

from __future__ import annotations

import ast
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from mlflow.tracking import MlflowClient

from kumi.core.errors import (
    ColumnNotFoundError,
    ColumnTypeError,
    ConflictError,
    InvalidParameterError,
    NotFoundError,
)
from kumi.engine import load_output
from kumi.graph import PipelineDocument
from kumi.registry import default_registry
from kumi.scoring.realtime import load_runtime, workspace_context
from kumi.services import run_pipeline
from kumi.services.automl_jobs import (
    AutoMLJobRequest,
    cancel_job,
    create_job,
    deploy_job,
    designer_pipeline,
    fail_interrupted_jobs,
    get_job,
    job_script,
    list_jobs,
    run_job,
)
from kumi.services.automl_jobs.designer import load_model
from kumi.storage.workspace import Workspace

DATASET = "cancer-slice"
TARGET = "diagnosis"
QUICK = {
    "time_budget_s": 60,
    "max_trials": 3,
    "n_jobs": 1,
    "allowed_models": ["random_forest", "elastic_net"],
    "validation": 0.25,
}
"""A search that ends after three trials (the budget only bounds slow machines)."""


def register_slice(workspace: Workspace, name: str = DATASET, rows: int = 300) -> None:
    """The first ``rows`` rows of the breast-cancer sample as their own dataset."""
    frame = workspace.datasets.load_table("breast-cancer").frame.head(rows)
    workspace.datasets.register(name, frame, label=TARGET, categorical=[TARGET])


def request(**changes: Any) -> AutoMLJobRequest:
    values: dict[str, Any] = {"dataset": DATASET, "target": TARGET, **QUICK, **changes}
    return AutoMLJobRequest(**values)


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    with Workspace.open(tmp_path_factory.mktemp("automl-jobs") / "ws") as opened:
        register_slice(opened)
        yield opened


@pytest.fixture(scope="module")
def completed(workspace: Workspace) -> Any:
    """One job run to the end, registering its best model."""
    job = create_job(workspace, request(name="quick", register_model="cancer-automl"))
    events: list[dict[str, Any]] = []
    return run_job(workspace, job.id, on_progress=events.append), events


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"dataset": "no-such-data"}, NotFoundError),
        ({"target": "no_such_column"}, ColumnNotFoundError),
        ({"metric": "rmse"}, InvalidParameterError),
        ({"task": "regression", "metric": "auc"}, InvalidParameterError),
        ({"time_budget_s": 0}, InvalidParameterError),
        ({"allowed_models": ["random_forest", "deep_magic"]}, InvalidParameterError),
        ({"blocked_models": ["nope"]}, InvalidParameterError),
        ({"task": "regression", "metric": "r2"}, ColumnTypeError),
        ({"featurization": {"missing_col": {"purpose": "numeric"}}}, ColumnNotFoundError),
        ({"validation": 1}, InvalidParameterError),
        ({"validation_dataset": "no-such-data"}, NotFoundError),
    ],
)
def test_bad_requests_fail_before_anything_is_queued(
    workspace: Workspace, changes: dict[str, Any], error: type[Exception]
) -> None:
    before = len(list_jobs(workspace))
    with pytest.raises(error) as raised:
        create_job(workspace, request(**changes))
    assert raised.value.message  # type: ignore[attr-defined]
    assert len(list_jobs(workspace)) == before


def test_default_names_count_up_per_dataset_and_names_are_unique(workspace: Workspace) -> None:
    first = create_job(workspace, request())
    second = create_job(workspace, request())
    assert first.name.startswith(f"automl-{DATASET}-")
    assert second.name != first.name
    assert first.status == "queued" and first.experiment == f"automl-{DATASET}"
    with pytest.raises(ConflictError):
        create_job(workspace, request(name=first.name))
    assert [j.id for j in list_jobs(workspace)[:2]] == [second.id, first.id]
    for job in (first, second):
        cancel_job(workspace, job.id)


@pytest.mark.slow
def test_a_job_runs_to_completed_with_result_leaderboard_and_guardrails(completed: Any) -> None:
    job, events = completed
    assert job.status == "completed", job.error
    assert job.started_at <= job.finished_at
    assert job.result["metric"] == "auc" and job.metric == "auc"
    assert job.settings["metric"] == "auc"
    assert job.result["guardrails"] and {"name", "status"} <= set(job.result["guardrails"][0])
    ranks = [row["rank"] for row in job.leaderboard]
    assert ranks == list(range(1, len(ranks) + 1)) and len(ranks) >= 3
    assert job.progress["phase"] == "completed"
    assert job.progress["best_metric"] == pytest.approx(job.result["best_metric"])
    assert {"featurizing", "searching", "completed"} <= {e["phase"] for e in events}
    assert job.to_dict()["result"]["best_estimator"] == job.result["best_estimator"]
    assert job.registered_model == {"name": "cancer-automl", "version": 1}


@pytest.mark.slow
def test_mlflow_holds_a_parent_run_with_a_child_run_per_trial(
    workspace: Workspace, completed: Any
) -> None:
    job, _ = completed
    client = MlflowClient(workspace.tracking_uri)
    parent = client.get_run(job.mlflow_run_id)
    assert parent.data.tags["kumi.automl"] == "true"
    children = client.search_runs(
        [parent.info.experiment_id], f"tags.mlflow.parentRunId = '{job.mlflow_run_id}'"
    )
    assert len(children) == len(job.leaderboard)
    assert client.get_experiment(parent.info.experiment_id).name == job.experiment


@pytest.mark.slow
def test_the_stored_model_scores_like_the_leaderboards_best(
    workspace: Workspace, completed: Any
) -> None:
    job, _ = completed
    trained = load_model(workspace, job.model_output)
    frame = workspace.datasets.load_table(DATASET).frame
    predicted = trained.model.predict(frame.drop(columns=[TARGET]))
    assert (predicted == frame[TARGET].to_numpy()).mean() > 0.85
    assert trained.label_column == TARGET


@pytest.mark.slow
def test_designer_pipeline_runs_and_scores_like_the_best_model(
    workspace: Workspace, completed: Any
) -> None:
    job, _ = completed
    saved = designer_pipeline(workspace, job.id)
    assert saved.name == f"{job.name}-designer"
    components = {n["id"]: n["component"] for n in saved.document["nodes"]}
    assert components == {
        "data": "dataset",
        "model": "saved_trained_model",
        "score": "score_model",
        "evaluate": "evaluate_model",
    }
    summary = run_pipeline(workspace, PipelineDocument.from_dict(saved.document), track=False)
    assert summary.ok, summary.result
    scored = _output_table(workspace, summary.run_id, "score", "scored_dataset")
    frame = workspace.datasets.load_table(DATASET).frame
    expected = load_model(workspace, job.model_output).model.predict(frame.drop(columns=[TARGET]))
    assert list(scored["Scored Labels"]) == list(expected)


@pytest.mark.slow
def test_deployed_endpoint_scores_rows_like_the_best_model(
    workspace: Workspace, completed: Any, tmp_path: Path
) -> None:
    job, _ = completed
    endpoint = deploy_job(workspace, job.id, "cancer-automl")
    assert endpoint.pipeline == "cancer-automl-realtime"
    frame = workspace.datasets.load_table(DATASET).frame.iloc[::15]
    rows = frame.drop(columns=[TARGET])
    runtime = load_runtime(
        endpoint.document,
        registry=default_registry(),
        context=workspace_context(workspace, tmp_path, endpoint=endpoint.name),
    )
    try:
        answer = pd.DataFrame(runtime.predict(rows.to_dict(orient="records")))
    finally:
        runtime.close()
    model = load_model(workspace, job.model_output).model
    assert list(answer["Scored Labels"]) == list(model.predict(rows))
    probabilities = model.predict_proba(rows)
    assert np.allclose(answer["Scored Probabilities"], probabilities[:, 1], atol=1e-6)
    assert endpoint.runtime in ("onnx", "python")
    with pytest.raises(ConflictError):
        deploy_job(workspace, job.id, "cancer-automl")


@pytest.mark.slow
def test_the_script_compiles_and_names_the_target(workspace: Workspace, completed: Any) -> None:
    job, _ = completed
    source = job_script(workspace, job.id)
    ast.parse(source)
    compile(source, "retrain.py", "exec")
    assert repr(TARGET) in source


def test_a_job_that_did_not_complete_has_no_model_to_use(workspace: Workspace) -> None:
    job = create_job(workspace, request())
    for use in (
        lambda: deploy_job(workspace, job.id, "not-yet"),
        lambda: designer_pipeline(workspace, job.id),
        lambda: job_script(workspace, job.id),
    ):
        with pytest.raises(ConflictError):
            use()
    cancel_job(workspace, job.id)
    with pytest.raises(ConflictError):
        cancel_job(workspace, job.id)
    assert run_job(workspace, job.id).status == "canceled"
    with pytest.raises(NotFoundError):
        get_job(workspace, "0" * 32)


@pytest.mark.slow
def test_cancel_stops_the_search_and_keeps_the_trials_done(workspace: Workspace) -> None:
    job = create_job(
        workspace,
        request(time_budget_s=120, max_trials=None, allowed_models=["random_forest", "knn"]),
    )
    cancel = threading.Event()
    trials: list[dict[str, Any]] = []

    def heard(event: dict[str, Any]) -> None:
        if "trial" in event:
            trials.append(event["trial"])
            if len(trials) == 2:
                cancel_job(workspace, job.id)  # as another process would: through the database

    started = time.monotonic()
    finished = run_job(workspace, job.id, on_progress=heard, cancel=cancel)
    assert time.monotonic() - started < 60
    assert cancel.is_set()  # the progress watcher saw the database's status
    assert finished.status == "canceled" and finished.result is None
    assert finished.finished_at is not None and finished.error is None
    assert len(finished.leaderboard) >= 2
    assert {row["trial"] for row in finished.leaderboard} >= {t["trial"] for t in trials[:2]}


def test_a_failure_is_recorded_with_its_code_and_message(workspace: Workspace) -> None:
    frame = pd.DataFrame({"x": [1.0, 2.0, 3.0, 4.0], "y": ["a", "a", "a", "a"]})
    workspace.datasets.register("one-class", frame)
    job = create_job(workspace, request(dataset="one-class", target="y"))
    finished = run_job(workspace, job.id)
    assert finished.status == "failed"
    assert finished.error["code"] in {"invalid_input", "invalid_parameter"}
    assert "y" in finished.error["message"]
    assert finished.finished_at is not None


def test_jobs_of_a_process_that_is_gone_are_marked_failed(workspace: Workspace) -> None:
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    job = create_job(workspace, request())
    alive = create_job(workspace, request())
    dead_runner = f"{job.runner.rpartition(':')[0]}:{gone.stdout.strip()}"
    workspace.automl_jobs.start(job.id, dead_runner)
    failed = fail_interrupted_jobs(workspace)
    assert job.id in failed and alive.id not in failed
    stored = get_job(workspace, job.id)
    assert stored.status == "failed" and stored.finished_at is not None
    assert stored.error["code"] == "job_interrupted"
    assert "submit the job again" in stored.error["message"]
    cancel_job(workspace, alive.id)


def _output_table(workspace: Workspace, run_id: str, node: str, port: str) -> pd.DataFrame:
    step = next(s for s in workspace.runs.steps(run_id) if s.node_id == node)
    return load_output(workspace.artifacts, step.outputs[port]).frame
