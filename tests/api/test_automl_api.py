"""REST /api/automl and ``client.automl``: submit (202) and poll to completed, bad input
refused before queuing, cancel, deploy, "Use in designer", the script, and jobs left running
by a killed process failed at the next start-up."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from kumi.api import ApiSettings, create_app
from kumi.cli.studio_app import StudioApp
from kumi.sdk import Client
from kumi.services.automl_jobs.designer import load_model
from kumi.serving import ServingSettings, create_serving_app
from kumi.storage.workspace import Workspace
from tests.api.conftest import assert_error

DATASET = "cancer-slice"
TARGET = "diagnosis"
QUICK = {
    "dataset": DATASET,
    "target": TARGET,
    "time_budget_s": 60,
    "max_trials": 3,
    "n_jobs": 1,
    "allowed_models": ["random_forest", "elastic_net"],
    "validation": 0.25,
}
"""A search that ends after three trials (the budget only bounds slow machines)."""


def register_slice(workspace: Workspace) -> None:
    frame = workspace.datasets.load_table("breast-cancer").frame.head(300)
    workspace.datasets.register(DATASET, frame, label=TARGET, categorical=[TARGET])


class Studio:
    """The studio (API and endpoint serving) over one workspace, and an SDK client."""

    def __init__(self, folder: Path) -> None:
        self.api: FastAPI = create_app(
            ApiSettings(workspace=folder / "ws", static_dir=folder / "static")
        )
        serving = create_serving_app(ServingSettings(workspace=folder / "ws"))
        self.http = TestClient(StudioApp(self.api, serving), raise_server_exceptions=False)
        self.client = Client(http=self.http)

    @property
    def workspace(self) -> Workspace:
        workspace: Workspace = self.api.state.workspace
        return workspace


@pytest.fixture(scope="module")
def studio(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Studio]:
    studio = Studio(tmp_path_factory.mktemp("automl-studio"))
    with studio.http:
        register_slice(studio.workspace)
        yield studio


@pytest.fixture(scope="module")
def completed(studio: Studio) -> dict[str, Any]:
    """A job submitted over REST and polled to its end, with the leaderboard sizes seen."""
    answer = studio.http.post("/api/automl/jobs", json={**QUICK, "name": "api-quick"})
    assert answer.status_code == 202, answer.text
    job = answer.json()
    assert job["status"] in ("queued", "running") and job["name"] == "api-quick"
    sizes = []
    deadline = time.monotonic() + 120
    while job["status"] in ("queued", "running") and time.monotonic() < deadline:
        time.sleep(0.2)
        job = studio.client.automl.get(job["id"])
        sizes.append(len(job["leaderboard"]))
    job["seen_sizes"] = sizes
    return job


@pytest.mark.parametrize(
    ("changes", "status", "code"),
    [
        ({"dataset": "no-such-data"}, 404, "not_found"),
        ({"target": "no_such_column"}, 400, "column_not_found"),
        ({"metric": "r2"}, 400, "invalid_parameter"),
        ({"time_budget_s": 0}, 400, "invalid_parameter"),
        ({"time_budget_s": -5}, 400, "invalid_parameter"),
        ({"allowed_models": ["deep_magic"]}, 400, "invalid_parameter"),
        ({"task": "regression", "metric": None}, 400, "invalid_column_type"),
        ({"task": "clustering"}, 422, "invalid_request"),
        ({"surprise": 1}, 422, "invalid_request"),
    ],
)
def test_bad_input_is_refused_before_a_job_is_queued(
    studio: Studio, changes: dict[str, Any], status: int, code: str
) -> None:
    before = studio.http.get("/api/automl/jobs").json()["jobs"]
    answer = studio.http.post("/api/automl/jobs", json={**QUICK, **changes})
    assert_error(answer, status, code)
    assert studio.http.get("/api/automl/jobs").json()["jobs"] == before


def test_unknown_jobs_answer_404(studio: Studio) -> None:
    for method, path in (
        ("GET", "/api/automl/jobs/nope"),
        ("POST", "/api/automl/jobs/nope/cancel"),
        ("GET", "/api/automl/jobs/nope/script"),
    ):
        assert_error(studio.http.request(method, path), 404, "not_found")


@pytest.mark.slow
def test_polling_shows_the_job_completed_with_its_result(
    studio: Studio, completed: dict[str, Any]
) -> None:
    job = completed
    assert job["status"] == "completed", job["error"]
    assert job["result"]["best_estimator"] and job["result"]["metric"] == "auc"
    assert job["metric"] == "auc" and job["dataset"] == DATASET and job["task"] == "classification"
    assert job["result"]["guardrails"] and job["result"]["leaderboard"] == job["leaderboard"]
    assert len(job["leaderboard"]) >= 3 and job["leaderboard"][0]["rank"] == 1
    assert job["mlflow_run_id"] and job["finished_at"] and job["error"] is None
    assert job["progress"]["best_metric"] == pytest.approx(job["result"]["best_metric"])
    sizes = job["seen_sizes"]
    assert sizes == sorted(sizes) and sizes[-1] == len(job["leaderboard"])
    listed = studio.client.automl.list()
    assert listed[0]["id"] == job["id"] and listed[0]["status"] == "completed"
    assert studio.client.automl.wait(job["id"], timeout=5)["status"] == "completed"


@pytest.mark.slow
def test_deploy_answers_201_and_the_endpoint_scores_like_the_best_model(
    studio: Studio, completed: dict[str, Any]
) -> None:
    endpoint = studio.client.automl.deploy(completed["id"], "cancer-best")
    assert endpoint["name"] == "cancer-best" and endpoint["status"] == "healthy"
    frame = studio.workspace.datasets.load_table(DATASET).frame.iloc[::20]
    rows = frame.drop(columns=[TARGET])
    records = rows.astype(object).where(rows.notna(), None).to_dict(orient="records")
    scored = studio.client.endpoints.score("cancer-best", records)
    job = studio.workspace.automl_jobs.get(completed["id"])
    model = load_model(studio.workspace, job.model_output).model
    assert [row["Scored Labels"] for row in scored] == list(model.predict(rows))
    again = studio.http.post(
        f"/api/automl/jobs/{completed['id']}/deploy", json={"name": "cancer-best"}
    )
    assert_error(again, 409, "conflict")


@pytest.mark.slow
def test_use_in_designer_saves_a_pipeline_that_runs_and_scores_like_the_best_model(
    studio: Studio, completed: dict[str, Any]
) -> None:
    answer = studio.http.post(f"/api/automl/jobs/{completed['id']}/pipeline", json={})
    assert answer.status_code == 201, answer.text
    pipeline = answer.json()["pipeline"]
    assert pipeline["id"] == pipeline["name"] == "api-quick-designer"
    run = studio.client.runs.submit(pipeline["name"], experiment="automl-designer")
    run = studio.client.runs.wait(run["run_id"], timeout=120)
    assert run["status"] == "completed", run
    scored = studio.client.runs.output(run["run_id"], "score", "scored_dataset", rows=300)
    frame = studio.workspace.datasets.load_table(DATASET).frame
    job = studio.workspace.automl_jobs.get(completed["id"])
    model = load_model(studio.workspace, job.model_output).model
    assert list(scored["Scored Labels"]) == list(model.predict(frame.drop(columns=[TARGET])))
    report = studio.client.runs.output(run["run_id"], "evaluate", "evaluation_results")
    assert report


@pytest.mark.slow
def test_the_script_is_python_that_compiles(studio: Studio, completed: dict[str, Any]) -> None:
    answer = studio.http.get(f"/api/automl/jobs/{completed['id']}/script")
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/x-python")
    compile(answer.text, "retrain.py", "exec")
    assert studio.client.automl.script(completed["id"]) == answer.text


@pytest.mark.slow
def test_cancel_stops_a_running_job_and_keeps_its_trials(studio: Studio) -> None:
    long = {**QUICK, "time_budget_s": 300, "max_trials": None, "allowed_models": ["knn"]}
    job = studio.client.automl.submit(**long)
    for use in ("deploy", "pipeline"):
        answer = studio.http.post(f"/api/automl/jobs/{job['id']}/{use}", json={"name": "early"})
        assert_error(answer, 409, "conflict")
    deadline = time.monotonic() + 90
    while not job["leaderboard"] and time.monotonic() < deadline:
        time.sleep(0.2)
        job = studio.client.automl.get(job["id"])
    assert job["status"] == "running" and job["leaderboard"], job
    canceled = studio.client.automl.cancel(job["id"])
    assert canceled["status"] == "canceled" and canceled["finished_at"]
    _wait_for_thread_end(job["id"])
    final = studio.client.automl.get(job["id"])
    assert final["status"] == "canceled" and final["result"] is None
    assert len(final["leaderboard"]) >= len(job["leaderboard"])
    assert_error(studio.http.post(f"/api/automl/jobs/{job['id']}/cancel"), 409, "conflict")


RUN_AND_HANG = """
import sys
from kumi.services.automl_jobs import AutoMLJobRequest, create_job, run_job
from kumi.storage.workspace import Workspace

workspace = Workspace.open(sys.argv[1])
request = AutoMLJobRequest(dataset="cancer-slice", target="diagnosis", time_budget_s=600,
                           n_jobs=1, allowed_models=["knn"], name="killed")
job = create_job(workspace, request)
print(job.id, flush=True)
run_job(workspace, job.id)
"""


@pytest.mark.slow
def test_a_job_whose_process_was_killed_is_failed_at_the_next_start(tmp_path: Path) -> None:
    folder = tmp_path / "restart"
    with Workspace.open(folder / "ws") as workspace:
        register_slice(workspace)
    env = {**os.environ, "PYTHONPATH": str(Path(str(sys.modules["kumi"].__file__)).parents[1])}
    process = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(RUN_AND_HANG), str(folder / "ws")],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        start_new_session=True,
    )
    try:
        assert process.stdout is not None
        job_id = process.stdout.readline().strip()
        with Workspace.open(folder / "ws") as workspace:
            _wait_until(lambda: workspace.automl_jobs.status(job_id) == "running", 60)
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    studio = Studio(folder)
    with studio.http:
        job = studio.client.automl.get(job_id)
    assert job["status"] == "failed" and job["finished_at"]
    assert job["error"]["code"] == "job_interrupted"
    assert "submit the job again" in job["error"]["message"]


def _wait_until(condition: Any, timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.2)


def _wait_for_thread_end(job_id: str) -> None:
    name = f"kumi-automl-{job_id[:8]}"
    _wait_until(lambda: all(t.name != name for t in threading.enumerate()), 30)
