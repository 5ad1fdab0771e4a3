"""Runs over REST: queue, execute in the background, status, outputs, logs, events,
cancel, bad submissions, and runs that survive a server restart."""

from __future__ import annotations

import json
import time

import pytest

from tests.api.conftest import assert_error, studio_client
from tests.api.test_pipelines_api import sample_document

FINISHED = {"completed", "failed", "canceled"}


def wait_finished(client, run_id: str, timeout: float = 180) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        run = client.get(f"/api/runs/{run_id}").json()
        if run["status"] in FINISHED:
            return run
        time.sleep(0.3)
    raise AssertionError(f"run {run_id} did not finish: {run['status']}")


@pytest.fixture(scope="module")
def finished(client) -> dict:
    """The breast-cancer sample pipeline, saved and run to the end."""
    client.post("/api/pipelines", json={"document": sample_document("runs-bc")})
    submitted = client.post("/api/runs", json={"pipeline": "runs-bc", "experiment": "api"})
    assert submitted.status_code == 202, submitted.text
    assert submitted.json()["status"] in {"queued", "running"}
    return wait_finished(client, submitted.json()["run_id"])


def test_a_submitted_run_completes_with_every_step_and_metrics(client, finished):
    assert finished["status"] == "completed", finished["error"]
    assert {s["status"] for s in finished["steps"]} == {"completed"}
    assert 0.9 < finished["metrics"]["auc"] <= 1.0
    listed = client.get("/api/runs?experiment=api").json()["runs"]
    assert [r["run_id"] for r in listed] == [finished["run_id"]]
    assert listed[0]["seconds"] > 0
    assert "api" in {e["name"] for e in client.get("/api/experiments").json()["experiments"]}


def test_step_outputs_table_and_evaluation_report(client, finished):
    run_id = finished["run_id"]
    scored = client.get(f"/api/runs/{run_id}/steps/score/outputs/scored_dataset?rows=3").json()
    assert len(scored["rows"]) == 3
    assert {"Scored Labels", "Scored Probabilities"} <= set(scored["rows"][0])
    report = client.get(f"/api/runs/{run_id}/steps/evaluate/outputs/evaluation_results").json()
    assert report["report"]["metrics"]["auc"] == pytest.approx(finished["metrics"]["auc"])
    model = client.get(f"/api/runs/{run_id}/steps/train/outputs/trained_model").json()
    assert model["description"]["learner_id"] == "two_class_boosted_decision_tree"
    assert_error(client.get(f"/api/runs/{run_id}/steps/score/outputs/nope"), 404, "not_found")
    assert_error(client.get(f"/api/runs/{run_id}/steps/nope/outputs/x"), 404, "not_found")


def test_logs_by_offset_and_as_events(client, finished):
    run_id = finished["run_id"]
    log = client.get(f"/api/runs/{run_id}/steps/train/log").json()
    assert "finished" in log["text"] and log["finished"] is True
    rest = client.get(f"/api/runs/{run_id}/steps/train/log?offset={log['offset']}").json()
    assert rest["text"] == ""
    with client.stream("GET", f"/api/runs/{run_id}/steps/train/log/stream") as stream:
        body = "".join(stream.iter_text())
    assert "event: log" in body and body.rstrip().endswith("data: {}")
    with client.stream("GET", f"/api/runs/{run_id}/events") as stream:
        events = "".join(stream.iter_text())
    run_event = events.split("event: run\ndata: ")[1].split("\n\n")[0]
    assert json.loads(run_event)["status"] == "completed"


def test_bad_submissions_are_refused_and_record_nothing(client):
    before = len(client.get("/api/runs?limit=1000").json()["runs"])
    broken = sample_document("broken")
    broken["edges"].append({"from": "data.dataset", "to": "nowhere.dataset"})
    error = assert_error(
        client.post("/api/runs", json={"document": broken}), 400, "invalid_pipeline"
    )
    assert "nowhere" in error["message"]
    assert_error(client.post("/api/runs", json={"pipeline": "no-such"}), 404, "not_found")
    both = {"pipeline": "x", "document": sample_document("x")}
    assert_error(client.post("/api/runs", json=both), 422, "invalid_request")
    unknown = {"document": sample_document("p"), "parameters": {"nope": 1}}
    assert_error(client.post("/api/runs", json=unknown), 400, "invalid_parameter")
    assert len(client.get("/api/runs?limit=1000").json()["runs"]) == before


def test_cancel_a_queued_run_and_not_a_finished_one(client, finished):
    assert_error(client.post(f"/api/runs/{finished['run_id']}/cancel"), 409, "conflict")
    first = client.post("/api/runs", json={"document": sample_document("c1")}).json()
    second = client.post("/api/runs", json={"document": sample_document("c2")}).json()
    assert client.post(f"/api/runs/{second['run_id']}/cancel").json()["status"] == "canceled"
    assert wait_finished(client, first["run_id"])["status"] == "completed"
    assert client.get(f"/api/runs/{second['run_id']}").json()["status"] == "canceled"
    assert_error(client.post("/api/runs/nope/cancel"), 404, "not_found")


SLOW_SCRIPT = (
    "import time\n\n"
    "def azureml_main(dataframe1=None, dataframe2=None):\n"
    "    time.sleep(4)\n"
    "    return dataframe1,\n"
)


def slow_document(name: str) -> dict:
    """A pipeline whose one step takes a few seconds."""
    return {
        "schema_version": 1,
        "name": name,
        "nodes": [
            {"id": "data", "component": "dataset", "params": {"name": "breast-cancer"}},
            {
                "id": "wait",
                "component": "execute_python_script",
                "params": {"python_script": SLOW_SCRIPT},
            },
        ],
        "edges": [{"from": "data.dataset", "to": "wait.dataset1"}],
    }


def test_queued_and_interrupted_runs_resume_after_a_restart(tmp_path):
    with studio_client(tmp_path) as first:
        run = first.post("/api/runs", json={"document": slow_document("resume")}).json()
        queued = first.post("/api/runs", json={"document": slow_document("later")}).json()
        deadline = time.monotonic() + 60
        while first.get(f"/api/runs/{run['run_id']}").json()["status"] != "running":
            assert time.monotonic() < deadline
            time.sleep(0.1)
    # the server stopped mid-run: both runs wait in the queue, nothing is lost
    with studio_client(tmp_path) as second:
        for run_id in (run["run_id"], queued["run_id"]):
            assert second.get(f"/api/runs/{run_id}").json()["status"] in {"queued", "running"}
        for run_id in (run["run_id"], queued["run_id"]):
            finished = wait_finished(second, run_id)
            assert finished["status"] == "completed", finished["error"]
            assert {s["status"] for s in finished["steps"]} <= {"completed", "reused"}


def test_regenerate_reruns_the_named_steps_and_reuses_the_rest(client, finished):
    again = client.post(
        "/api/runs", json={"pipeline": "runs-bc", "regenerate": ["evaluate"]}
    ).json()
    assert again["regenerate"] == ["evaluate"]
    done = wait_finished(client, again["run_id"])
    statuses = {s["node_id"]: s["status"] for s in done["steps"]}
    assert statuses.pop("evaluate") == "completed"
    assert set(statuses.values()) == {"reused"}
    error = assert_error(
        client.post("/api/runs", json={"pipeline": "runs-bc", "regenerate": ["nope"]}),
        400,
        "invalid_parameter",
    )
    assert "nope" in error["message"]


def test_a_table_output_has_a_profile_and_other_outputs_do_not(client, finished):
    run_id = finished["run_id"]
    answer = client.get(f"/api/runs/{run_id}/steps/score/outputs/scored_dataset/profile")
    assert answer.status_code == 200, answer.text
    assert "Scored Probabilities" in json.dumps(answer.json()["profile"])
    assert_error(
        client.get(f"/api/runs/{run_id}/steps/train/outputs/trained_model/profile"),
        400,
        "invalid_input",
    )


def test_a_character_still_being_written_waits_for_the_next_read(tmp_path):
    from kumi.api.routers.runs import _read_log

    log = tmp_path / "step.log"
    log.write_bytes("début ".encode() + "€".encode()[:2])  # the euro sign half written
    text, offset = _read_log(log, 0)
    assert (text, offset) == ("début ", len("début ".encode()))
    with log.open("ab") as more:
        more.write("€".encode()[2:] + b" done\n")
    assert _read_log(log, offset) == ("€ done\n", log.stat().st_size)
    assert _read_log(tmp_path / "missing.log", 5) == ("", 5)
