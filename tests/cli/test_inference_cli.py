"""`kumi inference create`: derive an inference pipeline from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.conftest import SAMPLE_PIPELINES
from typer.testing import CliRunner

from kumi.cli import app
from kumi.graph import load_pipeline
from kumi.services import run_pipeline, workspace_engine
from kumi.storage.workspace import Workspace

pytestmark = pytest.mark.slow
runner = CliRunner()


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    folder = tmp_path_factory.mktemp("inference-cli") / "ws"
    with Workspace.open(folder) as workspace, workspace_engine(workspace, max_workers=1) as engine:
        document = load_pipeline(SAMPLE_PIPELINES / "breast-cancer.yaml")
        summary = run_pipeline(workspace, document, engine=engine, track=False)
    assert summary.ok
    return folder, summary.run_id


def test_create_json_names_the_saved_pipeline(trained: tuple[Path, str]) -> None:
    folder, run_id = trained
    args = ["inference", "create", run_id, "--kind", "batch", "--workspace", str(folder)]
    result = runner.invoke(app, [*args, "--name", "scoring", "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["kind"] == "batch" and payload["pipeline"]["name"] == "scoring"
    assert payload["training_run_id"] == run_id
    with Workspace.open(folder) as workspace:
        assert workspace.pipelines.get("scoring").version == 1


def test_plain_output_lists_dropped_and_frozen_steps(trained: tuple[Path, str]) -> None:
    folder, run_id = trained
    result = runner.invoke(app, ["inference", "create", run_id, "--workspace", str(folder)])
    assert result.exit_code == 0, result.output
    assert "breast-cancer-diagnosis-real-time" in result.output
    assert "md_train" in result.output and "split_data" in result.output


def test_unknown_run_fails_with_a_clear_message(trained: tuple[Path, str]) -> None:
    folder, _ = trained
    result = runner.invoke(app, ["inference", "create", "missing", "--workspace", str(folder)])
    assert result.exit_code != 0 and "missing" in result.output
