"""``client.endpoints`` against a studio process that serves endpoints beside the API."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from kumi.api import ApiSettings, create_app
from kumi.cli.studio_app import StudioApp
from kumi.core import NotFoundError, UnauthorizedError
from kumi.sdk import Client
from kumi.serving import ServingSettings, create_serving_app
from tests.scoring.realtime_documents import ROW, penguins_document


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Client]:
    folder = tmp_path_factory.mktemp("sdk-endpoints")
    api = create_app(ApiSettings(workspace=folder / "ws", static_dir=folder / "static"))
    app = StudioApp(api, create_serving_app(ServingSettings(workspace=folder / "ws")))
    with TestClient(app, raise_server_exceptions=False) as http, Client(http=http) as sdk:
        sdk.pipelines.create(penguins_document())
        yield sdk


def test_deploy_score_and_manage(client: Client) -> None:
    endpoint = client.endpoints.deploy("sdk-penguins", pipeline="penguins-real-time")
    assert endpoint["name"] == "sdk-penguins" and endpoint["kind"] == "realtime"
    assert [e["name"] for e in client.endpoints.list()] == ["sdk-penguins"]
    (scored,) = client.endpoints.score("sdk-penguins", [ROW])
    assert scored["Scored Labels"] == "Gentoo"
    old = client.endpoints.keys("sdk-penguins")
    new = client.endpoints.regenerate_key("sdk-penguins", "primary")
    assert new["primary_key"] != old["primary_key"]
    with pytest.raises(UnauthorizedError):
        client.endpoints.score("sdk-penguins", [ROW], key=old["primary_key"])
    assert client.endpoints.score("sdk-penguins", [ROW], key=new["secondary_key"])
    assert set(client.endpoints.metrics("sdk-penguins")) >= {"requests", "latency_ms"}
    assert isinstance(client.endpoints.logs("sdk-penguins"), list)
    client.endpoints.delete("sdk-penguins")
    with pytest.raises(NotFoundError):
        client.endpoints.get("sdk-penguins")
