"""The client against a real `kumi up` on a free port."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pandas as pd
import pytest

from kumi.core.errors import NotFoundError
from kumi.sdk import Client, ServerUnreachableError
from tests.cli.test_up_command import free_port


def wait_for(client: Client, server: subprocess.Popen[str], timeout: float = 90) -> dict:
    deadline = time.monotonic() + timeout
    while True:
        assert server.poll() is None, server.stdout.read() if server.stdout else ""
        try:
            return client.health()
        except ServerUnreachableError:
            assert time.monotonic() < deadline, "kumi up did not answer"
            time.sleep(0.3)


@pytest.mark.slow
def test_the_client_talks_to_kumi_up(tmp_path):
    port = free_port()
    workspace = tmp_path / "ws"
    server = subprocess.Popen(
        [sys.executable, "-m", "kumi", "up", "--workspace", str(workspace), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "COLUMNS": "200"},
    )
    try:
        with Client(f"http://127.0.0.1:{port}", timeout=10) as client:
            assert wait_for(client, server)["workspace"] == str(workspace.resolve())
            assert "breast-cancer" in {d["name"] for d in client.datasets.list()}
            frame = pd.DataFrame({"a": [1, 2], "b": ["x", None]})
            client.datasets.upload(frame, "real")
            pd.testing.assert_frame_equal(client.datasets.preview("real"), frame)
            with pytest.raises(NotFoundError):
                client.pipelines.get("nope")
    finally:
        server.send_signal(signal.SIGINT)
        output, _ = server.communicate(timeout=60)
    assert server.returncode == 0, output
