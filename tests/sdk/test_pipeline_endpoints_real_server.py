"""A batch endpoint of a real `kumi up`, invoked with plain HTTP as curl would."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import httpx
import pandas as pd
import pytest

from kumi.sdk import Client
from tests.api.test_pipeline_endpoints_api import copy_pipeline
from tests.cli.test_up_command import free_port
from tests.sdk.test_real_server import wait_for


@pytest.mark.slow
def test_submit_over_http_writes_the_rows(tmp_path):
    pd.DataFrame({"id": [1, 2, 3], "amount": [1.0, 5.0, 9.0]}).to_csv(
        tmp_path / "in.csv", index=False
    )
    port = free_port()
    command = [sys.executable, "-m", "kumi", "up", "--workspace", str(tmp_path / "ws")]
    server = subprocess.Popen(
        [*command, "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "COLUMNS": "200"},
    )
    base = f"http://127.0.0.1:{port}"
    try:
        with Client(base, timeout=10) as client:
            wait_for(client, server)
            document = copy_pipeline("copy", tmp_path / "in.csv", tmp_path / "default.parquet")
            client.pipelines.create(document)
            publish = httpx.post(
                f"{base}/api/pipeline-endpoints", json={"name": "copy", "pipeline": "copy"}
            )
            assert publish.status_code == 201, publish.text
            body = {
                "ExperimentName": "curl",
                "ParameterAssignments": {
                    "output_path": str(tmp_path / "out.csv"),
                    "min_amount": "5",
                },
            }
            answer = httpx.post(publish.json()["submit_uri"], json=body)
            assert answer.status_code == 202, answer.text
            deadline = time.monotonic() + 120
            while (run := httpx.get(answer.json()["status_uri"]).json())["status"] not in {
                "completed",
                "failed",
            }:
                assert time.monotonic() < deadline, run
                time.sleep(0.3)
            assert run["status"] == "completed", run
            assert pd.read_csv(tmp_path / "out.csv")["id"].tolist() == [2, 3]
            bad = httpx.post(publish.json()["submit_uri"], content=b"{not json")
            assert bad.status_code == 422 and bad.json()["error"]["code"] == "invalid_request"
    finally:
        server.send_signal(signal.SIGINT)
        output, _ = server.communicate(timeout=60)
    assert server.returncode == 0, output
