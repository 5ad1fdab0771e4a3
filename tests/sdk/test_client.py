"""The client itself: health, the component library, experiments, lifetime, public names."""

from __future__ import annotations

import subprocess
import sys

import httpx
import pytest

import kumi
import kumi.sdk
from kumi.registry import default_registry
from kumi.sdk import Client


def test_health_names_the_workspace(client):
    health = client.health()
    assert health["status"] == "ok" and health["workspace"].endswith("ws")


def test_components_list_and_get(client):
    listed = client.components.list()
    assert {c["id"] for c in listed} == set(default_registry().ids())
    split = client.components.get("split_data")
    assert [p["name"] for p in split["outputs"]] == ["results_dataset1", "results_dataset2"]


def test_experiments_list_names_the_runs_experiment(client, finished_run):
    assert "sdk" in {e["name"] for e in client.experiments.list()}


def test_kumi_client_is_the_sdk_client_and_loads_lazily():
    assert kumi.Client is Client and "Client" in kumi.__all__
    assert set(kumi.sdk.__all__) == {"DEFAULT_URL", "ApiError", "Client", "ServerUnreachableError"}
    code = "import sys, kumi; print('httpx' in sys.modules, 'kumi.sdk' in sys.modules)"
    answer = subprocess.run(
        [sys.executable, "-c", code], check=False, capture_output=True, text=True
    )
    assert answer.stdout.split() == ["False", "False"], answer.stderr


def test_requests_go_under_the_url_and_an_owned_connection_closes():
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"status": "ok"})

    with Client("http://kumi.test:9999/studio", transport=httpx.MockTransport(answer)) as own:
        assert own.health() == {"status": "ok"}
        assert "kumi.test" in repr(own)
    assert str(seen[0].url) == "http://kumi.test:9999/studio/api/health"
    with pytest.raises(RuntimeError, match="closed"):
        own.health()


def test_a_given_http_client_stays_open():
    given = httpx.Client(base_url="http://kumi.test")
    Client(http=given).close()
    assert not given.is_closed
    given.close()
