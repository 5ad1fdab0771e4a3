"""Ctrl-C during `kumi run` cancels the run: steps stopped, run recorded as canceled."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tests.conftest import ROOT

pytestmark = pytest.mark.slow

SLOW = """
schema_version: 1
name: slow-script
nodes:
  - {id: data, component: dataset, params: {name: iris}}
  - id: wait
    component: execute_python_script
    params:
      python_script: |
        import time
        def azureml_main(dataframe1=None, dataframe2=None):
            print("sleeping", flush=True)
            time.sleep(120)
            return dataframe1,
edges:
  - {from: data.dataset, to: wait.dataset1}
"""


def test_interrupt_cancels_the_run(tmp_path: Path) -> None:
    pipeline = tmp_path / "slow.yaml"
    pipeline.write_text(SLOW)
    workspace = tmp_path / "ws"
    command = [sys.executable, "-m", "kumi", "run", str(pipeline), "-w", str(workspace), "--json"]
    process = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:  # wait until the user's script is running
        if _script_hosts(workspace):
            break
        time.sleep(0.2)
    else:
        process.kill()
        pytest.fail("the script step never started")
    os.kill(process.pid, signal.SIGINT)
    out, err = process.communicate(timeout=60)
    assert process.returncode == 1, err[-2000:]
    payload = json.loads(out)
    assert payload["status"] == "canceled"
    assert {s["id"]: s["status"] for s in payload["steps"]} == {
        "data": "completed",
        "wait": "canceled",
    }
    runs = subprocess.run(
        [
            sys.executable,
            "-m",
            "kumi",
            "runs",
            "show",
            payload["run_id"],
            "-w",
            str(workspace),
            "--json",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(runs.stdout)["status"] == "canceled"
    time.sleep(2)
    assert _script_hosts(workspace) == [], "a user's script outlived the canceled run"


def _script_hosts(workspace: Path) -> list[str]:
    """Pids of script host processes working in ``workspace``."""
    found = subprocess.run(
        ["pgrep", "-f", f"_script_host.py {workspace}"], capture_output=True, text=True, check=False
    )
    return found.stdout.split()
