"""`kumi up` serves the API and runs pipelines until stopped with Ctrl-C."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def get(url: str) -> tuple[int, dict]:
    try:
        with urllib.request.urlopen(url, timeout=5) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def start_studio(workspace) -> tuple[subprocess.Popen[str], int, float]:
    """`kumi up` on ``workspace``, once it answers: the process, its port and a deadline."""
    port = free_port()
    command = [sys.executable, "-m", "kumi", "up", "--workspace", str(workspace)]
    server = subprocess.Popen(
        [*command, "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "COLUMNS": "200"},
    )
    deadline = time.monotonic() + 90
    while True:
        assert server.poll() is None, server.stdout.read() if server.stdout else ""
        try:
            get(f"http://127.0.0.1:{port}/api/health")
            return server, port, deadline
        except (urllib.error.URLError, ConnectionError):
            assert time.monotonic() < deadline, "kumi up did not answer"
            time.sleep(0.5)


def stop(server: subprocess.Popen[str]) -> str:
    server.send_signal(signal.SIGINT)
    output, _ = server.communicate(timeout=60)
    assert server.returncode == 0, output
    return output


def test_kumi_up_serves_the_workspace_and_stops_on_ctrl_c(tmp_path):
    server, port, deadline = start_studio(tmp_path / "ws")
    try:
        status, health = get(f"http://127.0.0.1:{port}/api/health")
        assert status == 200 and health["workspace"] == str((tmp_path / "ws").resolve())
        status, datasets = get(f"http://127.0.0.1:{port}/api/datasets")
        assert status == 200 and len(datasets["datasets"]) >= 4
        status, missing = get(f"http://127.0.0.1:{port}/api/datasets/nope")
        assert status == 404 and missing["error"]["code"] == "not_found"
        _, pipelines = get(f"http://127.0.0.1:{port}/api/pipelines")
        assert "breast-cancer-diagnosis" in {p["id"] for p in pipelines["pipelines"]}
        while True:  # a new workspace runs the sample pipeline once
            _, runs = get(f"http://127.0.0.1:{port}/api/runs")
            if runs["runs"] and runs["runs"][0]["status"] not in ("queued", "running"):
                break
            assert time.monotonic() < deadline + 240, "the sample run did not finish"
            time.sleep(0.5)
        [first] = runs["runs"]
        assert first["status"] == "completed" and first["metrics"]["auc"] > 0.9
        time.sleep(1)  # its report is printed
    finally:
        output = stop(server)
    assert f"open http://localhost:{port}" in output
    assert "running the sample pipeline 'breast-cancer-diagnosis'" in output
    assert f"completed: auc {first['metrics']['auc']:.4f}" in output
    assert f"http://localhost:{port}/runs/{first['run_id']}" in output


def test_kumi_up_in_a_used_workspace_runs_nothing_by_itself(tmp_path):
    from kumi.storage.workspace import Workspace

    with Workspace.open(tmp_path / "ws"):
        pass  # made before: not new when the studio starts
    server, port, _ = start_studio(tmp_path / "ws")
    try:
        time.sleep(1)
        assert get(f"http://127.0.0.1:{port}/api/runs")[1]["runs"] == []
    finally:
        output = stop(server)
    assert "sample pipeline" not in output
