"""REST: deriving inference pipelines from a completed run."""

from __future__ import annotations

import pytest

from kumi.graph import load_pipeline
from kumi.services import run_pipeline, workspace_engine
from tests.api.conftest import assert_error
from tests.conftest import SAMPLE_PIPELINES

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def run_id(client) -> str:  # type: ignore[no-untyped-def]
    workspace = client.app.state.workspace
    with workspace_engine(workspace, max_workers=1) as engine:
        document = load_pipeline(SAMPLE_PIPELINES / "breast-cancer.yaml")
        summary = run_pipeline(workspace, document, engine=engine, track=False)
    assert summary.ok
    return summary.run_id


def test_create_saves_a_real_time_pipeline(client, run_id) -> None:  # type: ignore[no-untyped-def]
    answer = client.post(f"/api/runs/{run_id}/inference-pipelines", json={"kind": "realtime"})
    assert answer.status_code == 201, answer.text
    body = answer.json()
    assert set(body) == {"pipeline", "kind", "training_run_id", "dropped", "frozen", "input_schema"}
    assert body["kind"] == "realtime" and body["training_run_id"] == run_id
    assert body["pipeline"]["name"] == "breast-cancer-diagnosis-real-time"
    assert body["pipeline"] == client.get(f"/api/pipelines/{body['pipeline']['name']}").json()
    assert any(d["node"] == "split" for d in body["dropped"])
    assert all(c["name"] != "diagnosis" for c in body["input_schema"])


def test_preview_does_not_save_and_names_can_be_chosen(client, run_id) -> None:  # type: ignore[no-untyped-def]
    preview = client.get(f"/api/runs/{run_id}/inference-pipelines/preview?kind=batch")
    assert preview.status_code == 200, preview.text
    document = preview.json()["pipeline"]
    assert document["name"] == "breast-cancer-diagnosis-batch"
    assert "output_path" in document["parameters"]
    assert client.get("/api/pipelines/breast-cancer-diagnosis-batch").status_code == 404
    named = client.post(
        f"/api/runs/{run_id}/inference-pipelines", json={"kind": "batch", "name": "nightly"}
    )
    assert named.status_code == 201 and named.json()["pipeline"]["name"] == "nightly"


def test_bad_requests_are_4xx(client, run_id) -> None:  # type: ignore[no-untyped-def]
    assert_error(client.post("/api/runs/nope/inference-pipelines", json={}), 404, "not_found")
    bad_kind = client.post(f"/api/runs/{run_id}/inference-pipelines", json={"kind": "stream"})
    assert 400 <= bad_kind.status_code < 500
