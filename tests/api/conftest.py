"""A studio app over a fresh workspace, shared by the module's tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from kumi.api import ApiSettings, create_app


def studio_client(folder: Path, **settings: object) -> TestClient:
    app = create_app(ApiSettings(workspace=folder / "ws", static_dir=folder / "static", **settings))
    return TestClient(app, raise_server_exceptions=False)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with studio_client(tmp_path_factory.mktemp("studio")) as test_client:
        yield test_client


def assert_error(response, status: int, code: str) -> dict:
    """The one error shape, with this status and code; returns the error."""
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["code"] == code, error
    assert error["message"]
    return error
