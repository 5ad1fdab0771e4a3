"""A batch pipeline endpoint runs on Spark when KUMI_SPARK_MASTER is set: published from a
real training run, invoked through the service layer, its output written by Spark equals the
local engine's; a run that is not a scoring chain stays on the local engine and says why."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

from kumi.engine import Engine
from kumi.graph import PipelineDocument
from kumi.scoring.spark.session import MASTER_ENV
from kumi.services import run_pipeline, workspace_engine
from kumi.services.inference import derive_inference_pipeline
from kumi.services.pipeline_endpoints import QueuedRuns, publish, submit
from kumi.services.pipeline_runs import execute_run
from kumi.storage.workspace import Workspace

pytestmark = pytest.mark.slow

FEATURES = ["mean radius", "mean texture", "mean area", "worst radius", "worst area"]
SCORES = ["Scored Labels", "Scored Probabilities"]


def _training() -> PipelineDocument:
    nodes = [
        {"id": "data", "component": "dataset", "params": {"name": "breast-cancer"}},
        {"id": "clean", "component": "clean_missing_data"},
        {
            "id": "select",
            "component": "select_columns_in_dataset",
            "params": {"select_columns": {"names": [*FEATURES, "diagnosis"]}},
        },
        {"id": "normalize", "component": "normalize_data"},
        {"id": "split", "component": "split_data", "params": {"random_seed": 1}},
        {"id": "learner", "component": "two_class_logistic_regression"},
        {"id": "train", "component": "train_model", "params": {"label_column": "diagnosis"}},
        {"id": "score", "component": "score_model"},
    ]
    edges = [
        ("data.dataset", "clean.dataset"),
        ("clean.cleaned_dataset", "select.dataset"),
        ("select.results_dataset", "normalize.dataset"),
        ("normalize.transformed_dataset", "split.dataset"),
        ("split.results_dataset1", "train.dataset"),
        ("learner.untrained_model", "train.untrained_model"),
        ("train.trained_model", "score.trained_model"),
        ("split.results_dataset2", "score.dataset"),
    ]
    return PipelineDocument.from_dict(
        {
            "schema_version": 1,
            "name": "cancer",
            "nodes": nodes,
            "edges": [{"from": a, "to": b} for a, b in edges],
        }
    )


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    with Workspace.open(tmp_path_factory.mktemp("spark-batch") / "ws") as opened:
        yield opened


@pytest.fixture(scope="module")
def engine(workspace: Workspace) -> Iterator[Engine]:
    with workspace_engine(workspace, max_workers=1) as started:
        yield started


def _invoke(workspace: Workspace, engine: Engine, name: str) -> Any:
    submitted = submit(workspace, QueuedRuns(workspace, engine), name)
    return execute_run(workspace, engine, workspace.runs.get(submitted.run.id))


def test_a_batch_endpoint_scores_on_spark_like_the_local_engine(
    spark: Any, workspace: Workspace, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(MASTER_ENV, raising=False)
    training = run_pipeline(workspace, _training(), engine=engine, track=False)
    assert training.ok, training.result.steps
    derived = derive_inference_pipeline(workspace, training.run_id, "batch")
    publish(workspace, "cancer-scoring", derived.document.name)
    local = _invoke(workspace, engine, "cancer-scoring")
    assert local.ok and "Spark" not in local.result.steps["score"].reason

    monkeypatch.setenv(MASTER_ENV, "local[2]")
    on_spark = _invoke(workspace, engine, "cancer-scoring")
    assert on_spark.ok
    assert workspace.runs.get(on_spark.run_id).status == "completed"
    steps = {s.node_id: s for s in workspace.runs.steps(on_spark.run_id)}
    assert (
        steps["score"].status == "completed" and "ran on Spark (local[2])" in steps["score"].reason
    )

    datastore = Path(workspace.datastore_uri) / "cancer"
    local_out = pd.read_parquet(datastore / local.run_id / "scored.parquet")
    spark_dir = datastore / on_spark.run_id / "scored.parquet"
    assert spark_dir.is_dir() and list(spark_dir.glob("part-*.parquet"))  # written by Spark
    spark_out = pd.read_parquet(spark_dir)
    assert len(spark_out) == len(local_out) == 569
    assert spark_out["Scored Labels"].tolist() == local_out["Scored Labels"].tolist()
    np.testing.assert_allclose(
        spark_out["Scored Probabilities"], local_out["Scored Probabilities"], atol=1e-6
    )
    raw = workspace.datasets.load_table("breast-cancer").frame
    assert spark_out["mean radius"].tolist() == raw["mean radius"].tolist()  # input rows kept


def test_a_run_that_is_no_scoring_chain_stays_local_and_says_why(
    spark: Any,
    workspace: Workspace,
    engine: Engine,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    tmp_path: Path,
) -> None:
    monkeypatch.setenv(MASTER_ENV, "local[2]")
    document = PipelineDocument.from_dict(
        {
            "schema_version": 1,
            "name": "copy",
            "nodes": [
                {"id": "data", "component": "dataset", "params": {"name": "breast-cancer"}},
                {
                    "id": "out",
                    "component": "export_data",
                    "params": {"path": str(tmp_path / "x.csv")},
                },
            ],
            "edges": [{"from": "data.dataset", "to": "out.dataset"}],
        }
    )
    with caplog.at_level(logging.INFO, logger="kumi.services.spark_batch.run"):
        summary = run_pipeline(workspace, document, engine=engine, track=False)
    assert summary.ok and (tmp_path / "x.csv").is_file()
    assert "runs on the local engine, not Spark (local[2])" in caplog.text
    assert "is not Score Model" in caplog.text
