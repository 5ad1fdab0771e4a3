"""The `kumi` command: the design's automation contract and the inspection commands."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import ROOT, SAMPLE_PIPELINES
from typer.testing import CliRunner

from kumi.cli import app

pytestmark = pytest.mark.slow
runner = CliRunner()


def kumi(*args: str) -> subprocess.CompletedProcess[str]:
    """The real installed command in a child process."""
    return subprocess.run(
        [sys.executable, "-m", "kumi", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "NO_COLOR": "1"},
        timeout=300,
        check=False,
    )


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cli") / "ws"


def test_run_json_contract_and_cached_rerun(workspace: Path) -> None:
    pipeline = str(SAMPLE_PIPELINES / "breast-cancer.yaml")
    first = kumi("run", pipeline, "--workspace", str(workspace), "--param", "seed=5", "--json")
    assert first.returncode == 0, first.stderr[-3000:]
    payload = json.loads(first.stdout)
    assert set(payload) == {"run_id", "status", "steps", "metrics"}
    assert payload["status"] == "completed"
    assert payload["metrics"]["auc"] > 0.95
    assert {"accuracy", "precision", "recall", "f1_score", "log_loss"} <= set(payload["metrics"])
    second = kumi("run", pipeline, "--workspace", str(workspace), "--param", "seed=5", "--json")
    again = json.loads(second.stdout)
    assert second.returncode == 0 and all(s["cached"] for s in again["steps"])
    assert again["run_id"] != payload["run_id"]


def test_plain_run_prints_the_step_table_then_the_run_and_its_evaluation(
    workspace: Path,
) -> None:
    result = kumi(
        "run", str(SAMPLE_PIPELINES / "breast-cancer.yaml"), "--workspace", str(workspace)
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.startswith("run ") and "auc" in result.stdout
    assert result.stdout.splitlines()[:2][1] == "evaluation:"
    table = result.stderr.rstrip(" ").splitlines(keepends=True)
    last = next(line for line in reversed(table) if line.startswith("└"))
    assert last.endswith("\n")  # what follows on the same terminal starts on its own line


def test_failing_step_exits_1_and_names_the_step(workspace: Path, tmp_path: Path) -> None:
    pipeline = tmp_path / "bad-label.yaml"
    text = (SAMPLE_PIPELINES / "breast-cancer.yaml").read_text()
    pipeline.write_text(text.replace("{label_column: diagnosis}", "{label_column: nope}"))
    result = runner.invoke(app, ["run", str(pipeline), "-w", str(workspace), "--json"])
    assert result.exit_code in (1, 2), result.output
    payload = json.loads(result.stdout)
    if result.exit_code == 2:  # caught by validation before running
        assert "nope" in payload["error"]["message"]
    else:
        failed = [s for s in payload["steps"] if s["status"] == "failed"]
        assert [s["id"] for s in failed] == ["train"]


def test_validation_error_exits_2_with_node_and_port(workspace: Path, tmp_path: Path) -> None:
    pipeline = tmp_path / "bad-edge.yaml"
    text = (SAMPLE_PIPELINES / "breast-cancer.yaml").read_text()
    pipeline.write_text(text.replace("to: clean.dataset", "to: clean.datasett"))
    result = runner.invoke(app, ["pipelines", "validate", str(pipeline), "-w", str(workspace)])
    assert result.exit_code == 2
    assert "datasett" in result.output and "clean" in result.output


def test_bad_param_syntax_exits_2(workspace: Path) -> None:
    result = runner.invoke(
        app,
        ["run", str(SAMPLE_PIPELINES / "breast-cancer.yaml"), "-w", str(workspace), "-p", "seed"],
    )
    assert result.exit_code == 2 and "name=value" in result.output


def test_datasets_add_list_show_profile(workspace: Path, tmp_path: Path) -> None:
    csv = tmp_path / "loans.csv"
    csv.write_text("amount,region,approved\n100,north,yes\n250,south,no\n80,north,yes\n")
    added = runner.invoke(
        app,
        [
            "datasets",
            "add",
            "loans",
            str(csv),
            "--label",
            "approved",
            "--categorical",
            "region",
            "-w",
            str(workspace),
            "--json",
        ],
    )
    assert added.exit_code == 0, added.output
    assert json.loads(added.stdout)["version"] == 1
    listed = json.loads(
        runner.invoke(app, ["datasets", "list", "-w", str(workspace), "--json"]).stdout
    )
    names = {d["name"] for d in listed}
    assert {"loans", "breast-cancer", "penguins", "diabetes"} <= names
    shown = json.loads(
        runner.invoke(app, ["datasets", "show", "loans", "-w", str(workspace), "--json"]).stdout
    )
    assert len(shown["preview"]) == 3
    profile = json.loads(
        runner.invoke(app, ["datasets", "profile", "loans", "-w", str(workspace), "--json"]).stdout
    )
    amount = next(c for c in profile["columns"] if c["name"] == "amount")
    assert amount["max"] == 250 and amount["missing"] == 0


def test_malformed_csv_exits_2_and_keeps_the_previous_version(
    workspace: Path, tmp_path: Path
) -> None:
    good = tmp_path / "good.csv"
    good.write_text("a,b\n1,2\n")
    assert (
        runner.invoke(app, ["datasets", "add", "keep", str(good), "-w", str(workspace)]).exit_code
        == 0
    )
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n1,2,3,4\n5\n")
    result = runner.invoke(app, ["datasets", "add", "keep", str(bad), "-w", str(workspace)])
    assert result.exit_code == 2 and "bad.csv" in result.output
    shown = json.loads(
        runner.invoke(app, ["datasets", "show", "keep", "-w", str(workspace), "--json"]).stdout
    )
    assert shown["version"] == 1 and shown["preview"] == [{"a": 1, "b": 2}]


def test_components_list_shows_the_catalogue() -> None:
    result = runner.invoke(app, ["components", "list", "--json"])
    ids = {c["id"] for c in json.loads(result.stdout)}
    assert {
        "split_data",
        "train_model",
        "score_model",
        "evaluate_model",
        "two_class_boosted_decision_tree",
        "select_columns_in_dataset",
    } <= ids


def test_runs_list_show_logs(workspace: Path) -> None:
    runs = json.loads(runner.invoke(app, ["runs", "list", "-w", str(workspace), "--json"]).stdout)
    assert runs, "the run test above recorded runs"
    run_id = runs[-1]["id"]
    shown = json.loads(
        runner.invoke(app, ["runs", "show", run_id, "-w", str(workspace), "--json"]).stdout
    )
    assert {s["node_id"] for s in shown["steps"]} >= {"train", "evaluate"}
    logs = runner.invoke(app, ["runs", "logs", run_id, "--step", "train", "-w", str(workspace)])
    assert logs.exit_code == 0 and "train" in logs.output
    missing = runner.invoke(app, ["runs", "show", "nope", "-w", str(workspace)])
    assert missing.exit_code == 2 and "nope" in missing.output
