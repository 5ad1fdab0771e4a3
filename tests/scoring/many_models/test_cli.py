"""`kumi many-models train | summary | score` on a CSV file, through the real CLI app."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
from typer.testing import CliRunner

from kumi.cli.app import app
from tests.scoring.many_models.conftest import GOOD_STORES, TINY_STORE

runner = CliRunner()


def test_train_then_summary_then_score_from_the_command_line(
    sales: pd.DataFrame, tmp_path: Path
) -> None:
    data = tmp_path / "sales.csv"
    sales[sales["store"].isin([*GOOD_STORES[:2], TINY_STORE])].to_csv(data, index=False)
    workspace = ["--workspace", str(tmp_path / "ws")]
    trained = runner.invoke(
        app,
        ["many-models", "train", str(data), "--partition-by", "store", "--target", "y",
         "--name", "cli", "--learner", "elastic_net", "--n-jobs", "1", *workspace, "--json"],
    )  # fmt: skip
    assert trained.exit_code == 1, trained.output  # one partition failed
    report = json.loads(trained.stdout)
    assert report["name"] == "cli" and report["engine"] == "local"
    by_store = {p["store"]: p for p in report["partitions"]}
    assert by_store["1"]["status"] == "completed" and by_store["1"]["model"] == "cli-1"
    assert by_store[str(TINY_STORE)]["status"] == "failed"
    assert by_store[str(TINY_STORE)]["error"].startswith(f"Partition store={TINY_STORE}:")

    shown = runner.invoke(app, ["many-models", "summary", "cli", *workspace, "--json"])
    assert shown.exit_code == 0, shown.output
    assert json.loads(shown.stdout)["partitions"] == report["partitions"]

    rows = tmp_path / "rows.csv"
    sales[sales["store"].isin(GOOD_STORES[:2])].drop(columns=["y"]).to_csv(rows, index=False)
    output = tmp_path / "scored.csv"
    scored = runner.invoke(
        app,
        ["many-models", "score", str(rows), "--name", "cli", "--output", str(output), *workspace],
    )
    assert scored.exit_code == 0, scored.output
    written = pd.read_csv(output)
    assert len(written) == 120
    assert set(written["Scored Model"]) == {"cli-1:1", "cli-2:1"}


def test_unknown_set_is_a_clear_error(tmp_path: Path) -> None:
    shown = runner.invoke(
        app, ["many-models", "summary", "nowhere", "--workspace", str(tmp_path), "--json"]
    )
    assert shown.exit_code == 2
    error = json.loads(shown.stdout)["error"]
    assert error["code"] == "not_found" and "'nowhere'" in error["message"]
