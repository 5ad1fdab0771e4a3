"""`kumi deploy`, `kumi endpoints ...` and `kumi serve-endpoint` (a real server process)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from tests.cli.test_up_command import free_port
from tests.scoring.realtime_documents import ROW, penguins_document
from typer.testing import CliRunner

from kumi.cli import app
from kumi.services.endpoints import endpoint_metrics
from kumi.storage.workspace import Workspace

runner = CliRunner()


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli-endpoints") / "ws"
    with Workspace.open(folder) as opened:
        document = penguins_document()
        opened.pipelines.save(document["name"], document)
    return folder


def _json(*args: str) -> dict:
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_deploy_and_manage_keys(workspace: Path) -> None:
    ws = ["--workspace", str(workspace)]
    deployed = _json("deploy", "--name", "cli-penguins", "--pipeline", "penguins-real-time", *ws)
    assert set(deployed) == {"name", "scoring_uri", "key"}
    assert deployed["scoring_uri"] == "http://127.0.0.1:8770/endpoints/cli-penguins/score"
    listed = _json("endpoints", "list", *ws)["endpoints"]
    assert [e["name"] for e in listed] == ["cli-penguins"]
    keys = _json("endpoints", "keys", "cli-penguins", *ws)
    assert keys["primary_key"] == deployed["key"]
    new = _json("endpoints", "regenerate-key", "cli-penguins", "--key-type", "secondary", *ws)
    assert new["primary_key"] == keys["primary_key"] != new["secondary_key"]
    shown = _json("endpoints", "show", "cli-penguins", *ws)
    assert shown["signature"]["inputs"]["input1"][0]["name"] == "island"
    again = runner.invoke(
        app, ["deploy", "--name", "cli-penguins", "--pipeline", "penguins-real-time", *ws, "--json"]
    )
    assert again.exit_code == 2 and json.loads(again.stdout)["error"]["code"] == "conflict"
    assert _json("endpoints", "delete", "cli-penguins", *ws) == {"deleted": "cli-penguins"}
    assert runner.invoke(app, ["endpoints", "show", "cli-penguins", *ws]).exit_code == 2


def test_deploy_from_an_unknown_run_is_a_clear_error(workspace: Path) -> None:
    result = runner.invoke(
        app, ["deploy", "no-such-run", "--name", "x-run", "--workspace", str(workspace), "--json"]
    )
    assert result.exit_code == 2
    assert json.loads(result.stdout)["error"]["code"] in ("configuration_error", "not_found")


@pytest.mark.slow
def test_serve_endpoint_with_two_workers_scores_and_adds_up_metrics(workspace: Path) -> None:
    key = _json(
        "deploy",
        "--name",
        "served",
        "--pipeline",
        "penguins-real-time",
        "--workspace",
        str(workspace),
    )["key"]
    port = free_port()
    command = [sys.executable, "-m", "kumi", "serve-endpoint", "served"]
    server = subprocess.Popen(
        [*command, "--workspace", str(workspace), "--port", str(port), "--workers", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "COLUMNS": "200"},
    )
    url = f"http://127.0.0.1:{port}/endpoints/served"
    try:
        _wait_until_healthy(server, url)
        headers = {"Authorization": f"Bearer {key}"}
        body = {"Inputs": {"input1": [ROW]}, "GlobalParameters": {}}
        with httpx.Client(timeout=30) as client:
            answers = [client.post(f"{url}/score", json=body, headers=headers) for _ in range(12)]
            unauthorized = client.post(f"{url}/score", json=body)
        assert {a.status_code for a in answers} == {200}
        assert answers[0].json()["Results"]["output1"][0]["Scored Labels"] == "Gentoo"
        assert unauthorized.status_code == 401
    finally:
        server.send_signal(signal.SIGINT)
        output, _ = server.communicate(timeout=60)
    with Workspace.open(workspace) as opened:
        metrics = endpoint_metrics(opened, "served")
    assert (metrics["requests"], metrics["errors"]) == (13, 1), output


def _wait_until_healthy(server: subprocess.Popen[str], url: str) -> None:
    deadline = time.monotonic() + 90
    while True:
        assert server.poll() is None, server.stdout.read() if server.stdout else ""
        try:
            if httpx.get(url, timeout=5).text == "Healthy":
                return
        except httpx.TransportError:
            pass
        assert time.monotonic() < deadline, "kumi serve-endpoint did not answer"
        time.sleep(0.3)
