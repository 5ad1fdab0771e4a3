"""The endpoint server over ASGI: both request shapes, key auth, bad requests answered
with 4xx (and the endpoint keeps serving), swagger, metrics and logs."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from kumi.services.endpoints import (
    delete_endpoint,
    deploy_endpoint,
    endpoint_logs,
    endpoint_metrics,
    regenerate_key,
)
from kumi.serving import EndpointServer, ServingSettings, create_serving_app
from kumi.storage.endpoints import Endpoint
from kumi.storage.workspace import Workspace
from tests.scoring.realtime_documents import ROW, penguins_document

NAME = "penguins"


@pytest.fixture(scope="module")
def served(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[Workspace, EndpointServer, Endpoint]]:
    folder = tmp_path_factory.mktemp("serving") / "ws"
    with Workspace.open(folder) as workspace:
        document = penguins_document()
        workspace.pipelines.save(document["name"], document)
        endpoint = deploy_endpoint(workspace, NAME, pipeline=document["name"])
        server = create_serving_app(ServingSettings(workspace=folder, max_body_bytes=1 << 20))
        yield workspace, server, endpoint


@pytest.fixture(scope="module")
def client(served: tuple[Workspace, EndpointServer, Endpoint]) -> Iterator[TestClient]:
    with TestClient(served[1]) as test_client:
        yield test_client


def _auth(endpoint: Endpoint, secondary: bool = False) -> dict[str, str]:
    key = endpoint.secondary_key if secondary else endpoint.primary_key
    return {"Authorization": f"Bearer {key}"}


def _error(response: Any, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    error: dict[str, Any] = response.json()["error"]
    assert error["code"] == code and error["message"]
    return error


def test_score_in_the_azure_shape(client: TestClient, served: Any) -> None:
    endpoint = served[2]
    body = {"Inputs": {"input1": [ROW, {**ROW, "island": "Dream"}]}, "GlobalParameters": {}}
    response = client.post(f"/endpoints/{NAME}/score", json=body, headers=_auth(endpoint))
    assert response.status_code == 200, response.text
    rows = response.json()["Results"]["output1"]
    assert len(rows) == 2
    assert rows[0]["island"] == "Biscoe" and rows[0]["Scored Labels"] == "Gentoo"
    assert 0.5 < rows[0]["Scored Probabilities_Gentoo"] <= 1.0
    secondary = client.post(f"/endpoints/{NAME}/score", json=body, headers=_auth(endpoint, True))
    assert secondary.json() == response.json()


@pytest.mark.parametrize(
    "body",
    [
        {"dataframe_records": [ROW]},
        {"dataframe_split": {"columns": list(ROW), "data": [list(ROW.values())]}},
        {"instances": [ROW]},
        {"inputs": {k: [v] for k, v in ROW.items()}},
    ],
)
def test_invocations_in_every_mlflow_shape(client: TestClient, served: Any, body: Any) -> None:
    response = client.post(f"/endpoints/{NAME}/invocations", json=body, headers=_auth(served[2]))
    assert response.status_code == 200, response.text
    (prediction,) = response.json()["predictions"]
    assert prediction["Scored Labels"] == "Gentoo"
    assert set(prediction) == {
        "Scored Labels",
        "Scored Probabilities_Adelie",
        "Scored Probabilities_Chinstrap",
        "Scored Probabilities_Gentoo",
    }


def test_keys_are_required(client: TestClient, served: Any) -> None:
    body = {"Inputs": {"input1": [ROW]}}
    missing = _error(client.post(f"/endpoints/{NAME}/score", json=body), 401, "unauthorized")
    assert "Authorization: Bearer" in missing["message"]
    wrong = {"Authorization": "Bearer not-the-key"}
    _error(client.post(f"/endpoints/{NAME}/score", json=body, headers=wrong), 401, "unauthorized")
    basic = {"Authorization": f"Basic {served[2].primary_key}"}
    _error(
        client.post(f"/endpoints/{NAME}/invocations", json=body, headers=basic), 401, "unauthorized"
    )


def test_bad_requests_get_4xx_and_the_endpoint_keeps_serving(
    client: TestClient, served: Any
) -> None:
    headers = _auth(served[2])
    url = f"/endpoints/{NAME}/score"
    _error(client.post(url, content=b'{"Inputs": ', headers=headers), 400, "invalid_data")
    _error(client.post(url, json={"rows": []}, headers=headers), 400, "invalid_data")
    wrong_input = _error(
        client.post(url, json={"Inputs": {"data": [ROW]}}, headers=headers), 400, "invalid_data"
    )
    assert '"input1"' in wrong_input["message"]
    typed = _error(
        client.post(
            url, json={"Inputs": {"input1": [ROW, {**ROW, "year": "new"}]}}, headers=headers
        ),
        400,
        "invalid_column_type",
    )
    assert "Row 1, column 'year'" in typed["message"]
    assert typed["details"] == {"row": 1, "column": "year", "expected": "integer"}
    gone = {k: v for k, v in ROW.items() if k != "island"}
    missing = _error(
        client.post(url, json={"Inputs": {"input1": [gone]}}, headers=headers),
        400,
        "column_not_found",
    )
    assert "Row 0, column 'island'" in missing["message"]
    huge = b'{"Inputs": {"input1": [' + b" " * (2 << 20) + b"]}}"
    _error(client.post(url, content=huge, headers=headers), 413, "payload_too_large")
    _error(client.post("/endpoints/nowhere/score", json={}, headers=headers), 404, "not_found")
    _error(client.post(f"/endpoints/{NAME}/explain", json={}, headers=headers), 404, "not_found")
    _error(
        client.post(f"/endpoints/{NAME}/invocations", json={"records": []}, headers=headers),
        400,
        "invalid_data",
    )
    ok = client.post(url, json={"Inputs": {"input1": [ROW]}}, headers=headers)
    assert ok.status_code == 200


def test_health_and_swagger(client: TestClient) -> None:
    health = client.get(f"/endpoints/{NAME}")
    assert health.status_code == 200 and health.text == "Healthy"
    swagger = client.get(f"/endpoints/{NAME}/swagger.json").json()
    assert swagger["openapi"].startswith("3.")
    score = swagger["paths"]["/score"]["post"]
    example = score["requestBody"]["content"]["application/json"]["example"]
    assert set(example["Inputs"]["input1"][0]) == set(ROW)
    rows = swagger["components"]["schemas"]["ScoreRequest"]["properties"]["Inputs"]["properties"][
        "input1"
    ]
    assert rows["items"]["properties"]["year"] == {"type": "integer", "format": "int64"}
    out = swagger["components"]["schemas"]["ScoreResponse"]["properties"]["Results"]["properties"]
    assert "Scored Labels" in out["output1"]["items"]["properties"]


def test_metrics_and_logs_are_stored(client: TestClient, served: Any) -> None:
    workspace, server, endpoint = served
    url = f"/endpoints/{NAME}/score"
    server.flush()
    before = endpoint_metrics(workspace, NAME)
    client.post(url, json={"Inputs": {"input1": [ROW, ROW, ROW]}}, headers=_auth(endpoint))
    client.post(url, json={"Inputs": {"input1": [ROW]}})
    server.flush()
    after = endpoint_metrics(workspace, NAME)
    assert after["requests"] - before["requests"] == 2
    assert after["errors"] - before["errors"] == 1
    assert after["latency_ms"]["p50"] > 0 and after["per_minute"]
    lines = endpoint_logs(workspace, NAME, tail=2)
    assert " 200 rows=3 " in lines[0]
    assert " 401 " in lines[1] and "needs a key" in lines[1]
    assert (Path(workspace.path) / "logs" / "endpoints" / f"{NAME}.log").is_file()


def test_key_regeneration_and_deletion_apply_at_once(client: TestClient, served: Any) -> None:
    workspace, _, endpoint = served
    body = {"Inputs": {"input1": [ROW]}}
    url = f"/endpoints/{NAME}/score"
    keys = regenerate_key(workspace, NAME, "primary")
    assert keys["primary_key"] != endpoint.primary_key
    _error(client.post(url, json=body, headers=_auth(endpoint)), 401, "unauthorized")
    assert client.post(url, json=body, headers=_auth(endpoint, True)).status_code == 200
    new = {"Authorization": f"Bearer {keys['primary_key']}"}
    assert client.post(url, json=body, headers=new).status_code == 200
    delete_endpoint(workspace, NAME)
    _error(client.post(url, json=body, headers=new), 404, "not_found")


def test_endpoints_come_back_after_a_restart(tmp_path: Path) -> None:
    folder = tmp_path / "ws"
    with Workspace.open(folder) as workspace:
        document = penguins_document()
        workspace.pipelines.save(document["name"], document)
        endpoint = deploy_endpoint(workspace, "again", pipeline=document["name"])
    server = create_serving_app(ServingSettings(workspace=folder))
    with TestClient(server) as fresh:
        body = {"Inputs": {"input1": [ROW]}}
        response = fresh.post("/endpoints/again/score", json=body, headers=_auth(endpoint))
        assert response.json()["Results"]["output1"][0]["Scored Labels"] == "Gentoo"


def test_key_changes_by_other_processes_are_seen_within_the_recheck(tmp_path: Path) -> None:
    folder = tmp_path / "ws"
    with Workspace.open(folder) as workspace:
        document = penguins_document()
        workspace.pipelines.save(document["name"], document)
        endpoint = deploy_endpoint(workspace, "rekeyed", pipeline=document["name"])
        server = create_serving_app(ServingSettings(workspace=folder, recheck_interval_s=0.2))
        body = {"Inputs": {"input1": [ROW]}}
        with TestClient(server) as fresh:
            url = "/endpoints/rekeyed/score"
            assert fresh.post(url, json=body, headers=_auth(endpoint)).status_code == 200
            workspace.endpoints.update("rekeyed", primary_key="changed-elsewhere")  # no bump
            time.sleep(0.3)
            _error(fresh.post(url, json=body, headers=_auth(endpoint)), 401, "unauthorized")
            changed = {"Authorization": "Bearer changed-elsewhere"}
            assert fresh.post(url, json=body, headers=changed).status_code == 200
