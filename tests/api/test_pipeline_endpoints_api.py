"""Pipeline endpoints over REST: publish, submit (Azure's request shape) through the real
run queue, runs, default versions, schedules, and every bad input answered with a 4xx."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import assert_error, studio_client

FINISHED = {"completed", "failed", "canceled"}


def copy_pipeline(name: str, input_path: Path, output_path: Path) -> dict[str, Any]:
    """Import Data (path: a parameter) → rows with amount >= min_amount → Export Data."""
    return {
        "schema_version": 1,
        "name": name,
        "parameters": {
            "input_path": str(input_path),
            "output_path": str(output_path),
            "min_amount": 0,
        },
        "nodes": [
            {
                "id": "data",
                "component": "import_data",
                "params": {"path": "${parameters.input_path}"},
            },
            {
                "id": "filter",
                "component": "apply_sql_transformation",
                "params": {
                    "sql_query_script": "SELECT * FROM t1 WHERE amount >= ${parameters.min_amount}"
                },
            },
            {
                "id": "export",
                "component": "export_data",
                "params": {"path": "${parameters.output_path}"},
            },
        ],
        "edges": [
            {"from": "data.results_dataset", "to": "filter.t1"},
            {"from": "filter.result_dataset", "to": "export.dataset"},
        ],
    }


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("pipeline-endpoints")
    pd.DataFrame({"id": [1, 2], "amount": [5.0, 7.0]}).to_csv(root / "first.csv", index=False)
    pd.DataFrame({"id": [10, 11, 12, 13], "amount": [1.0, 20.0, 30.0, 2.0]}).to_csv(
        root / "second.csv", index=False
    )
    return root


@pytest.fixture(scope="module")
def client(folder: Path) -> Iterator[TestClient]:
    with studio_client(folder, track=False, scheduler_interval_s=0.2) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def endpoint(client: TestClient, folder: Path) -> dict[str, Any]:
    document = copy_pipeline("copy-table", folder / "first.csv", folder / "default.parquet")
    assert client.post("/api/pipelines", json={"document": document}).status_code == 201
    response = client.post(
        "/api/pipeline-endpoints",
        json={"name": "copy", "pipeline": "copy-table", "description": "Copies rows."},
    )
    assert response.status_code == 201, response.text
    return response.json()


def wait_for_run(client: TestClient, run_id: str, timeout: float = 120) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while True:
        run = client.get(f"/api/runs/{run_id}").json()
        if run["status"] in FINISHED:
            return run
        assert time.monotonic() < deadline, run
        time.sleep(0.2)


def test_publish_snapshots_the_pipeline_with_its_parameters(
    endpoint: dict[str, Any], folder: Path
) -> None:
    assert endpoint["name"] == "copy" and endpoint["default_version"] == 1
    assert endpoint["description"] == "Copies rows."
    (version,) = endpoint["versions"]
    assert version["version"] == 1 and version["pipeline"] == "copy-table"
    assert version["parameters"] == {
        "input_path": str(folder / "first.csv"),
        "output_path": str(folder / "default.parquet"),
        "min_amount": 0,
    }
    assert endpoint["submit_uri"] == "http://testserver/api/pipeline-endpoints/copy/submit"


def test_submit_runs_with_the_assigned_input_and_output(
    client: TestClient, endpoint: dict[str, Any], folder: Path
) -> None:
    output = folder / "scored" / "second.parquet"
    body = {
        "ExperimentName": "nightly",
        "ParameterAssignments": {
            "input_path": str(folder / "second.csv"),
            "output_path": str(output),
            "min_amount": "2",
        },
        "Description": "first try",
        "Tags": {"team": "data"},
    }
    response = client.post("/api/pipeline-endpoints/copy/submit", json=body)
    assert response.status_code == 202, response.text
    answer = response.json()
    assert answer["Id"] == answer["run_id"] and answer["status"] == "queued"
    assert answer["status_uri"] == f"http://testserver/api/runs/{answer['run_id']}"
    run = wait_for_run(client, answer["run_id"])
    assert run["status"] == "completed", run
    assert run["experiment"] == "nightly" and run["parameters"]["min_amount"] == 2
    written = pd.read_parquet(output)
    assert written["id"].tolist() == [11, 12, 13]
    assert not (folder / "default.parquet").exists()
    runs = client.get("/api/pipeline-endpoints/copy/runs").json()["runs"]
    assert (runs[0]["run_id"], runs[0]["version"], runs[0]["trigger"]) == (
        answer["run_id"],
        1,
        "api",
    )
    assert runs[0]["status"] == "completed" and runs[0]["tags"] == {"team": "data"}


def test_publishing_again_adds_a_version_and_the_default_can_change(
    client: TestClient, endpoint: dict[str, Any], folder: Path
) -> None:
    document = copy_pipeline("copy-table", folder / "second.csv", folder / "v2.parquet")
    assert client.put("/api/pipelines/copy-table", json={"document": document}).status_code < 300
    second = client.post("/api/pipeline-endpoints", json={"name": "copy", "pipeline": "copy-table"})
    assert second.status_code == 201, second.text
    assert [v["version"] for v in second.json()["versions"]] == [1, 2]
    assert second.json()["default_version"] == 1
    changed = client.patch("/api/pipeline-endpoints/copy", json={"default_version": 2})
    assert changed.json()["default_version"] == 2
    assert_error(
        client.patch("/api/pipeline-endpoints/copy", json={"default_version": 9}), 404, "not_found"
    )
    listed = client.get("/api/pipeline-endpoints").json()["pipeline_endpoints"]
    assert [e["name"] for e in listed] == ["copy"]
    client.patch("/api/pipeline-endpoints/copy", json={"default_version": 1})


def test_submit_with_bad_input_is_a_clear_4xx_and_queues_nothing(
    client: TestClient, endpoint: dict[str, Any]
) -> None:
    before = len(client.get("/api/runs").json()["runs"])
    url = "/api/pipeline-endpoints/copy/submit"
    malformed = client.post(
        url, content=b'{"ExperimentName": ', headers={"content-type": "application/json"}
    )
    assert_error(malformed, 422, "invalid_request")
    assert_error(client.post(url, json={"ParameterAssignments": {}}), 422, "invalid_request")
    unknown = client.post(url, json={"ExperimentName": "x", "ParameterAssignments": {"nope": 1}})
    assert "nope" in assert_error(unknown, 400, "invalid_parameter")["message"]
    wrong = client.post(
        url, json={"ExperimentName": "x", "ParameterAssignments": {"min_amount": "lots"}}
    )
    error = assert_error(wrong, 400, "invalid_parameter")
    assert "min_amount" in error["message"] and "an integer" in error["message"]
    typed = client.post(
        url, json={"ExperimentName": "x", "ParameterAssignments": {"input_path": 3}}
    )
    assert "input_path" in assert_error(typed, 400, "invalid_parameter")["message"]
    version = client.post(url, json={"ExperimentName": "x", "Version": "7"})
    assert "version 7" in assert_error(version, 404, "not_found")["message"]
    assert_error(
        client.post(url, json={"ExperimentName": "x", "Version": "v1"}), 400, "invalid_parameter"
    )
    missing = client.post("/api/pipeline-endpoints/nope/submit", json={"ExperimentName": "x"})
    assert_error(missing, 404, "not_found")
    assert len(client.get("/api/runs").json()["runs"]) == before


def test_publish_bad_input(client: TestClient, endpoint: dict[str, Any]) -> None:
    unknown = client.post("/api/pipeline-endpoints", json={"name": "x", "pipeline": "no-such"})
    assert "no-such" in assert_error(unknown, 404, "not_found")["message"]
    assert_error(client.post("/api/pipeline-endpoints", json={"name": "x"}), 422, "invalid_request")
    assert_error(client.get("/api/pipeline-endpoints/missing"), 404, "not_found")
    assert_error(client.delete("/api/pipeline-endpoints/missing"), 404, "not_found")
    slash = client.post("/api/pipeline-endpoints", json={"name": "a/b", "pipeline": "copy-table"})
    assert_error(slash, 400, "invalid_input")


def test_schedules_are_created_listed_paused_and_deleted(
    client: TestClient, endpoint: dict[str, Any]
) -> None:
    body = {
        "name": "hourly",
        "cron": "0 * * * *",
        "timezone": "Europe/Paris",
        "parameter_assignments": {"min_amount": 3},
    }
    created = client.post("/api/pipeline-endpoints/copy/schedules", json=body)
    assert created.status_code == 201, created.text
    schedule = created.json()
    assert schedule["endpoint"] == "copy" and schedule["paused"] is False
    assert schedule["next_run_at"].endswith(":00:00+00:00") and schedule["last_run_id"] is None
    listed = client.get("/api/schedules").json()["schedules"]
    assert [s["id"] for s in listed] == [schedule["id"]]
    paused = client.patch(f"/api/schedules/{schedule['id']}", json={"paused": True})
    assert paused.json()["paused"] is True
    resumed = client.patch(f"/api/schedules/{schedule['id']}", json={"paused": False})
    assert resumed.json()["paused"] is False
    again = client.post("/api/pipeline-endpoints/copy/schedules", json=body)
    assert_error(again, 409, "conflict")
    assert client.delete(f"/api/schedules/{schedule['id']}").status_code == 204
    assert_error(client.get(f"/api/schedules/{schedule['id']}"), 404, "not_found")


def test_schedule_bad_input(client: TestClient, endpoint: dict[str, Any]) -> None:
    url = "/api/pipeline-endpoints/copy/schedules"
    cron = assert_error(
        client.post(url, json={"name": "s", "cron": "every day"}), 400, "invalid_input"
    )
    assert "five fields" in cron["message"] and "'0 6 * * 1-5'" in cron["message"]
    assert_error(client.post(url, json={"name": "s", "cron": "61 * * * *"}), 400, "invalid_input")
    zone = client.post(url, json={"name": "s", "cron": "* * * * *", "timezone": "Mars/Base"})
    assert "Mars/Base" in assert_error(zone, 400, "invalid_input")["message"]
    values = client.post(
        url, json={"name": "s", "cron": "* * * * *", "parameter_assignments": {"x": 1}}
    )
    assert_error(values, 400, "invalid_parameter")
    gone = client.post(
        "/api/pipeline-endpoints/nope/schedules", json={"name": "s", "cron": "* * * * *"}
    )
    assert_error(gone, 404, "not_found")
    assert_error(client.patch("/api/schedules/nope", json={"paused": True}), 404, "not_found")
    assert_error(
        client.patch("/api/schedules/nope", json={"paused": "maybe"}), 422, "invalid_request"
    )
    assert client.get("/api/schedules").json()["schedules"] == []


def test_the_studio_scheduler_submits_a_due_schedule(
    client: TestClient, endpoint: dict[str, Any], folder: Path
) -> None:
    body = {
        "name": "every-minute",
        "cron": "* * * * *",
        "parameter_assignments": {"output_path": str(folder / "scheduled.parquet")},
        "experiment_name": "scheduled",
    }
    schedule = client.post("/api/pipeline-endpoints/copy/schedules", json=body).json()
    workspace = client.app.state.workspace  # type: ignore[attr-defined]
    due = datetime.now(UTC) - timedelta(minutes=5)
    workspace.schedules.set_paused(schedule["id"], False, next_run_at=due)
    deadline = time.monotonic() + 10
    while (fired := client.get(f"/api/schedules/{schedule['id']}").json())["last_run_id"] is None:
        assert time.monotonic() < deadline, "the scheduler did not fire"
        time.sleep(0.1)
    assert datetime.fromisoformat(fired["next_run_at"]) > datetime.now(UTC)
    runs = client.get("/api/pipeline-endpoints/copy/runs").json()["runs"]
    record = next(r for r in runs if r["run_id"] == fired["last_run_id"])
    assert record["trigger"] == "schedule" and record["schedule_id"] == schedule["id"]
    assert record["experiment"] == "scheduled"
    assert client.delete(f"/api/schedules/{schedule['id']}").status_code == 204
