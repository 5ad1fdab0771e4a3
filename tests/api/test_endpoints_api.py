"""REST /api/endpoints: deploy from a saved real-time pipeline, list, show, keys, metrics,
logs, delete; and the studio process serving endpoints beside the API."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from kumi.api import ApiSettings, create_app
from kumi.cli.studio_app import StudioApp
from kumi.serving import ServingSettings, create_serving_app
from tests.api.conftest import assert_error
from tests.scoring.realtime_documents import ROW, penguins_document


@pytest.fixture(scope="module")
def studio(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    folder = tmp_path_factory.mktemp("studio")
    api = create_app(ApiSettings(workspace=folder / "ws", static_dir=folder / "static"))
    app = StudioApp(api, create_serving_app(ServingSettings(workspace=folder / "ws")))
    with TestClient(app, raise_server_exceptions=False) as client:
        document = penguins_document()
        assert client.post("/api/pipelines", json={"document": document}).status_code == 201
        yield client


def test_deploy_show_and_score_through_the_studio(studio: TestClient) -> None:
    body = {"name": "penguins", "pipeline": "penguins-real-time", "description": "species"}
    created = studio.post("/api/endpoints", json=body)
    assert created.status_code == 201, created.text
    endpoint = created.json()
    assert endpoint["kind"] == "realtime" and endpoint["status"] == "healthy"
    assert (
        endpoint["runtime"] in ("onnx", "python") and endpoint["pipeline"] == "penguins-real-time"
    )
    assert endpoint["scoring_uri"] == "http://testserver/endpoints/penguins/score"
    assert endpoint["swagger_uri"].endswith("/endpoints/penguins/swagger.json")
    columns = endpoint["signature"]["inputs"]["input1"]
    assert {"name": "sex", "type": "string", "categorical": True, "required": True} in columns
    assert endpoint["input_example"]["Inputs"]["input1"][0]["island"] == "Torgersen"
    assert "primary_key" not in endpoint
    keys = studio.get("/api/endpoints/penguins/keys").json()
    scored = studio.post(
        "/endpoints/penguins/score",
        json={"Inputs": {"input1": [ROW]}, "GlobalParameters": {}},
        headers={"Authorization": f"Bearer {keys['secondary_key']}"},
    )
    assert scored.status_code == 200, scored.text
    assert scored.json()["Results"]["output1"][0]["Scored Labels"] == "Gentoo"
    assert [e["name"] for e in studio.get("/api/endpoints").json()["endpoints"]] == ["penguins"]
    assert studio.get("/api/endpoints/penguins").json()["description"] == "species"


def test_keys_metrics_and_logs(studio: TestClient) -> None:
    old = studio.get("/api/endpoints/penguins/keys").json()
    new = studio.post("/api/endpoints/penguins/keys/regenerate", json={"key_type": "secondary"})
    assert new.json()["primary_key"] == old["primary_key"]
    assert new.json()["secondary_key"] != old["secondary_key"]
    bad = studio.post("/api/endpoints/penguins/keys/regenerate", json={"key_type": "third"})
    assert bad.status_code == 422
    metrics = studio.get("/api/endpoints/penguins/metrics").json()
    assert set(metrics) == {"requests", "errors", "latency_ms", "per_minute"}
    assert set(metrics["latency_ms"]) == {"p50", "p90", "p99"}
    assert isinstance(studio.get("/api/endpoints/penguins/logs?tail=5").json()["lines"], list)


def test_bad_deployments_are_4xx(studio: TestClient) -> None:
    assert_error(
        studio.post("/api/endpoints", json={"name": "x y", "pipeline": "p"}), 400, "invalid_input"
    )
    both = {"name": "both", "pipeline": "penguins-real-time", "run_id": "r1"}
    assert_error(studio.post("/api/endpoints", json=both), 400, "invalid_input")
    missing = {"name": "nothing", "pipeline": "no-such-pipeline"}
    assert_error(studio.post("/api/endpoints", json=missing), 404, "not_found")
    taken = {"name": "penguins", "pipeline": "penguins-real-time"}
    assert_error(studio.post("/api/endpoints", json=taken), 409, "conflict")
    assert_error(studio.get("/api/endpoints/ghost"), 404, "not_found")


def test_the_page_answers_its_own_endpoint_pages(tmp_path: Path) -> None:
    static = tmp_path / "static"
    static.mkdir()
    (static / "index.html").write_text("<html>kumi</html>")
    app = create_app(ApiSettings(workspace=tmp_path / "ws", static_dir=static))
    with TestClient(app) as client:
        answer = client.get("/endpoints/penguins", headers={"accept": "text/html"})
        assert answer.status_code == 200 and "kumi" in answer.text
        assert_error(client.get("/api/endpoints-unknown"), 404, "not_found")


def test_delete(studio: TestClient) -> None:
    assert studio.delete("/api/endpoints/penguins").status_code == 204
    assert_error(studio.get("/api/endpoints/penguins"), 404, "not_found")
    assert_error(studio.post("/endpoints/penguins/score", json={}), 404, "not_found")
