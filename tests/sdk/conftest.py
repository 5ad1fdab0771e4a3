"""One in-process studio app over a fresh workspace, shared by the SDK tests, and a client
talking to it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from kumi.api import ApiSettings, create_app
from kumi.sdk import Client

SAMPLE = Path(__file__).parents[2] / "src" / "kumi" / "samples" / "pipelines" / "breast-cancer.yaml"


@pytest.fixture(scope="package")
def studio(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    folder = tmp_path_factory.mktemp("sdk-studio")
    settings = ApiSettings(workspace=folder / "ws", static_dir=folder / "static")
    with TestClient(create_app(settings), raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture(scope="package")
def client(studio: TestClient) -> Iterator[Client]:
    with Client(http=studio) as sdk_client:
        yield sdk_client


@pytest.fixture(scope="package")
def finished_run(client: Client) -> dict[str, Any]:
    """The breast-cancer sample, imported from its YAML file and run to the end."""
    pipeline = client.pipelines.import_yaml(SAMPLE)
    run = client.runs.submit(pipeline["name"], experiment="sdk")
    return client.runs.wait(run["run_id"], timeout=180)
