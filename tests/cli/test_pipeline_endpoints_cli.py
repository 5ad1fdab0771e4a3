"""`kumi pipeline-endpoints` and `kumi schedules` on a workspace."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from tests.api.test_pipeline_endpoints_api import copy_pipeline
from typer.testing import CliRunner

from kumi.cli import app
from kumi.storage.workspace import Workspace

runner = CliRunner()


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("cli-endpoints")
    pd.DataFrame({"id": [1, 2, 3], "amount": [1.0, 5.0, 9.0]}).to_csv(root / "in.csv", index=False)
    with Workspace.open(root / "ws") as ws:
        document = copy_pipeline("copy-table", root / "in.csv", root / "default.parquet")
        ws.pipelines.save("copy-table", document)
    return root / "ws"


def kumi(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout


def test_publish_list_show(workspace: Path) -> None:
    code, out = kumi("pipeline-endpoints", "publish", "copy", "--pipeline", "copy-table",
                     "-w", str(workspace), "--json")  # fmt: skip
    assert code == 0, out
    assert json.loads(out)["versions"][0]["parameters"]["min_amount"] == 0
    code, out = kumi("pipeline-endpoints", "list", "-w", str(workspace), "--json")
    assert [e["name"] for e in json.loads(out)] == ["copy"]
    code, out = kumi("pipeline-endpoints", "show", "copy", "-w", str(workspace))
    assert code == 0 and "copy-table" in out
    code, out = kumi("pipeline-endpoints", "show", "nope", "-w", str(workspace), "--json")
    assert code == 2 and json.loads(out)["error"]["code"] == "not_found"


@pytest.mark.slow
def test_submit_and_wait_writes_the_output(workspace: Path) -> None:
    kumi("pipeline-endpoints", "publish", "copy", "--pipeline", "copy-table", "-w", str(workspace))
    output = workspace.parent / "out.parquet"
    code, out = kumi("pipeline-endpoints", "submit", "copy", "-p", f"output_path={output}",
                     "-p", "min_amount=5", "--wait", "-w", str(workspace), "--json")  # fmt: skip
    assert code == 0, out
    assert json.loads(out)["status"] == "completed"
    assert pd.read_parquet(output)["id"].tolist() == [2, 3]


def test_submit_queues_and_bad_parameters_exit_2(workspace: Path) -> None:
    kumi("pipeline-endpoints", "publish", "copy", "--pipeline", "copy-table", "-w", str(workspace))
    code, out = kumi("pipeline-endpoints", "submit", "copy", "-w", str(workspace), "--json")
    assert code == 0 and json.loads(out)["status"] == "queued"
    code, out = kumi("pipeline-endpoints", "submit", "copy", "-p", "min_amount=lots",
                     "-w", str(workspace), "--json")  # fmt: skip
    assert code == 2 and "min_amount" in json.loads(out)["error"]["message"]


def test_schedules_commands(workspace: Path) -> None:
    kumi("pipeline-endpoints", "publish", "copy", "--pipeline", "copy-table", "-w", str(workspace))
    code, out = kumi("schedules", "create", "copy", "--name", "nightly", "--cron", "0 2 * * *",
                     "--timezone", "Asia/Tokyo", "-w", str(workspace), "--json")  # fmt: skip
    assert code == 0, out
    schedule = json.loads(out)
    assert schedule["next_run_at"].endswith("17:00:00+00:00")
    code, out = kumi("schedules", "pause", schedule["id"], "-w", str(workspace), "--json")
    assert json.loads(out)["paused"] is True
    code, out = kumi("schedules", "resume", schedule["id"], "-w", str(workspace), "--json")
    assert json.loads(out)["paused"] is False
    code, out = kumi("schedules", "list", "-w", str(workspace))
    assert code == 0 and "nightly" in out
    code, out = kumi("schedules", "create", "copy", "--name", "bad", "--cron", "daily",
                     "-w", str(workspace), "--json")  # fmt: skip
    assert code == 2 and "five fields" in json.loads(out)["error"]["message"]
    code, out = kumi("schedules", "delete", schedule["id"], "-w", str(workspace))
    assert code == 0
    code, out = kumi("schedules", "delete", schedule["id"], "-w", str(workspace), "--json")
    assert code == 2 and json.loads(out)["error"]["code"] == "not_found"
