"""Runs through the client: the breast-cancer sample end to end, outputs, logs, events,
filters, cancel and waiting."""

from __future__ import annotations

import httpx
import pandas as pd
import pytest
import yaml

from kumi.core.errors import ConflictError, NotFoundError
from kumi.sdk import Client
from tests.sdk.conftest import SAMPLE


def sample(name: str) -> dict:
    return {**yaml.safe_load(SAMPLE.read_text()), "name": name}


def test_the_sample_runs_to_the_end_with_the_evaluations_metrics(client, finished_run):
    assert finished_run["status"] == "completed", finished_run["error"]
    assert {s["status"] for s in finished_run["steps"]} == {"completed"}
    report = client.runs.output(finished_run["run_id"], "evaluate", "evaluation_results")
    assert report["metrics"]["auc"] == finished_run["metrics"]["auc"]
    assert 0.9 < report["metrics"]["auc"] <= 1.0


def test_outputs_are_dataframes_reports_or_descriptions(client, finished_run):
    run_id = finished_run["run_id"]
    scored = client.runs.output(run_id, "score", "scored_dataset", rows=3)
    assert isinstance(scored, pd.DataFrame) and len(scored) == 3
    assert {"Scored Labels", "Scored Probabilities"} <= set(scored.columns)
    model = client.runs.output(run_id, "train", "trained_model")
    assert model["learner_id"] == "two_class_boosted_decision_tree"
    with pytest.raises(NotFoundError, match="scored_dataset"):
        client.runs.output(run_id, "score", "nope")


def test_get_and_list_with_filters(client, finished_run):
    run_id = finished_run["run_id"]
    assert client.runs.get(run_id)["document"]["name"] == "breast-cancer-diagnosis"
    in_experiment = client.runs.list(experiment="sdk")  # other tests share the studio
    assert run_id in {r["run_id"] for r in in_experiment}
    assert {r["experiment"] for r in in_experiment} == {"sdk"}
    assert run_id in {r["run_id"] for r in client.runs.list(status="completed")}
    assert run_id in {r["run_id"] for r in client.runs.list(pipeline="breast-cancer-diagnosis")}
    failed = client.runs.list(status="failed")  # other tests share the studio
    assert run_id not in {r["run_id"] for r in failed}
    assert all(r["status"] == "failed" for r in failed)
    assert len(client.runs.list(limit=1)) == 1
    with pytest.raises(NotFoundError):
        client.runs.get("no-such-run")


def test_a_steps_log_is_read_whole_and_as_a_stream(client, finished_run):
    run_id = finished_run["run_id"]
    log = client.runs.log(run_id, "train")
    assert "finished" in log
    assert "".join(client.runs.log_stream(run_id, "train")) == log


def test_events_carry_the_run_until_it_finishes(client, finished_run):
    events = list(client.runs.events(finished_run["run_id"]))
    assert events[-1]["status"] == "completed"
    assert events[-1]["metrics"] == finished_run["metrics"]


def test_a_document_run_with_parameters_and_a_queued_run_canceled(client, finished_run):
    first = client.runs.submit(document=sample("sdk-doc"), parameters={"seed": 42})
    second = client.runs.submit(document=sample("sdk-doc-2"), regenerate=["train"])
    assert second["regenerate"] == ["train"]
    assert client.runs.cancel(second["run_id"])["status"] == "canceled"
    done = client.runs.wait(first["run_id"], timeout=120, poll_s=0.1)
    assert done["status"] == "completed" and done["parameters"]["seed"] == 42
    assert client.runs.wait(second["run_id"])["status"] == "canceled"
    with pytest.raises(ConflictError):
        client.runs.cancel(finished_run["run_id"])


def test_wait_gives_up_with_timeout_error():
    def running(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"run_id": "r", "status": "running"})

    client = Client("http://kumi.test", transport=httpx.MockTransport(running))
    with pytest.raises(TimeoutError, match="still running"):
        client.runs.wait("r", timeout=0.2, poll_s=0.05)


def test_what_submit_sends():
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(202, json={"run_id": "r", "status": "queued"})

    with Client("http://kumi.test", transport=httpx.MockTransport(answer)) as client:
        client.runs.submit("p", version=2, experiment="e", regenerate=True)
        client.runs.submit(document=sample("d"), regenerate=("a", "b"))
    saved, document = (httpx.Response(200, content=r.read()).json() for r in sent)
    assert saved == {
        "pipeline": "p",
        "version": 2,
        "parameters": {},
        "experiment": "e",
        "regenerate": True,
    }
    assert document["document"]["name"] == "d" and document["regenerate"] == ["a", "b"]
