"""`kumi automl`: the default command, bad input (exit 2), and a job run in the CLI process
(recorded in the workspace, listed and shown)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from sklearn.datasets import load_breast_cancer
from typer.testing import CliRunner

from kumi.cli import app
from kumi.cli.automl_commands import parse_names, parse_validation
from kumi.core import InvalidParameterError

runner = CliRunner()
HAS_JOBS_SERVICE = importlib.util.find_spec("kumi.services.automl_jobs") is not None


def test_validation_and_model_lists_parse() -> None:
    assert parse_validation("auto") == "auto"
    assert parse_validation("5") == 5 and parse_validation("0.2") == 0.2
    with pytest.raises(InvalidParameterError, match="--validation 'many'"):
        parse_validation("many")
    assert parse_names(" lightgbm, xgboost ,") == ["lightgbm", "xgboost"]
    assert parse_names(None) is None


def test_help_lists_the_run_jobs_and_show_commands() -> None:
    result = runner.invoke(app, ["automl", "--help"])
    assert result.exit_code == 0
    for command in ("run", "jobs", "show"):
        assert command in result.output


@pytest.mark.parametrize(
    "args",
    [
        ["automl", "missing.csv", "--target", "y"],
        ["automl", "--target", "y", "missing.csv"],
        ["automl", "run", "missing.csv", "--target", "y"],
    ],
)
def test_a_dataset_argument_runs_the_default_command(tmp_path: Path, args: list[str]) -> None:
    result = runner.invoke(app, [*args, "-w", str(tmp_path / "ws")])
    assert result.exit_code == 2, result.output
    assert "No file 'missing.csv'" in result.stderr


def test_the_target_is_required(tmp_path: Path) -> None:
    result = runner.invoke(app, ["automl", "data.csv", "-w", str(tmp_path / "ws")])
    assert result.exit_code == 2 and "--target" in result.output


@pytest.fixture(scope="module")
def cancer_csv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("automl-cli") / "cancer.csv"
    frame = load_breast_cancer(as_frame=True).frame.iloc[:, [0, 1, 2, 3, 20, 22, 30]]
    frame.to_csv(path, index=False)
    return path


@pytest.mark.slow
@pytest.mark.skipif(not HAS_JOBS_SERVICE, reason="kumi.services.automl_jobs is not merged yet")
def test_a_job_runs_here_and_is_recorded(cancer_csv: Path, tmp_path: Path) -> None:
    ws = str(tmp_path / "ws")
    base = ["automl", str(cancer_csv), "--target", "target", "-w", ws]
    bad = runner.invoke(app, [*base, "--metric", "rmse"])
    assert bad.exit_code == 2 and "rmse" in bad.stderr
    options = ["--time-budget", "30", "--validation", "3", "--blocked-models", "knn,mlp"]
    result = runner.invoke(app, [*base, *options, "--name", "cli-job", "--json"])
    assert result.exit_code == 0, result.output
    job = json.loads(result.stdout)
    assert job["status"] == "completed" and job["name"] == "cli-job"
    assert job["dataset"] == "cancer" and job["leaderboard"]
    assert {row["family"] for row in job["leaderboard"]}.isdisjoint({"knn", "mlp"})
    assert job["result"]["best_metric"] > 0.9
    listed = json.loads(runner.invoke(app, ["automl", "jobs", "-w", ws, "--json"]).stdout)
    assert [j["id"] for j in listed["jobs"]] == [job["id"]]
    shown = runner.invoke(app, ["automl", "show", job["id"], "-w", ws])
    assert shown.exit_code == 0 and "cli-job" in shown.stdout and "completed" in shown.stdout
