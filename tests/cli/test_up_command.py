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


def test_kumi_up_serves_the_workspace_and_stops_on_ctrl_c(tmp_path):
    port = free_port()
    command = [sys.executable, "-m", "kumi", "up", "--workspace", str(tmp_path / "ws")]
    server = subprocess.Popen(
        [*command, "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "COLUMNS": "200"},
    )
    try:
        deadline = time.monotonic() + 90
        while True:
            assert server.poll() is None, server.stdout.read() if server.stdout else ""
            try:
                status, health = get(f"http://127.0.0.1:{port}/api/health")
                break
            except (urllib.error.URLError, ConnectionError):
                assert time.monotonic() < deadline, "kumi up did not answer"
                time.sleep(0.5)
        assert status == 200 and health["workspace"] == str((tmp_path / "ws").resolve())
        status, datasets = get(f"http://127.0.0.1:{port}/api/datasets")
        assert status == 200 and len(datasets["datasets"]) >= 4
        status, missing = get(f"http://127.0.0.1:{port}/api/datasets/nope")
        assert status == 404 and missing["error"]["code"] == "not_found"
    finally:
        server.send_signal(signal.SIGINT)
        output, _ = server.communicate(timeout=60)
    assert server.returncode == 0, output
    assert f"open http://localhost:{port}" in output
