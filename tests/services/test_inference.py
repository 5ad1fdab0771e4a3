"""Deriving inference pipelines from real training runs, then running them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from kumi.core import ConflictError, InvalidParameterError, NotDerivableError
from kumi.engine import Engine, load_output
from kumi.graph import PipelineDocument
from kumi.services import run_pipeline, workspace_engine
from kumi.services.inference import derive_inference_pipeline
from kumi.storage.workspace import Workspace

pytestmark = pytest.mark.slow

FEATURES = ["mean radius", "mean texture", "mean area", "worst radius", "worst area"]


def _doc(name: str, nodes: list[dict[str, Any]], edges: list[tuple[str, str]]) -> PipelineDocument:
    return PipelineDocument.from_dict(
        {
            "schema_version": 1,
            "name": name,
            "nodes": nodes,
            "edges": [{"from": a, "to": b} for a, b in edges],
        }
    )


def _training_document() -> PipelineDocument:
    """Scores every (cleaned, selected, normalized) row with a model trained on a split."""
    columns = {"names": [*FEATURES, "diagnosis"]}
    return _doc(
        "cancer",
        [
            {"id": "data", "component": "dataset", "params": {"name": "breast-cancer"}},
            {"id": "clean", "component": "clean_missing_data"},
            {
                "id": "select",
                "component": "select_columns_in_dataset",
                "params": {"select_columns": columns},
            },
            {"id": "normalize", "component": "normalize_data"},
            {"id": "split", "component": "split_data", "params": {"random_seed": 1}},
            {"id": "smote", "component": "smote", "params": {"label_column": "diagnosis"}},
            {"id": "learner", "component": "two_class_logistic_regression"},
            {"id": "train", "component": "train_model", "params": {"label_column": "diagnosis"}},
            {"id": "score", "component": "score_model"},
            {"id": "evaluate", "component": "evaluate_model"},
        ],
        [
            ("data.dataset", "clean.dataset"),
            ("clean.cleaned_dataset", "select.dataset"),
            ("select.results_dataset", "normalize.dataset"),
            ("normalize.transformed_dataset", "split.dataset"),
            ("split.results_dataset1", "smote.samples"),
            ("smote.table", "train.dataset"),
            ("learner.untrained_model", "train.untrained_model"),
            ("train.trained_model", "score.trained_model"),
            ("normalize.transformed_dataset", "score.dataset"),
            ("score.scored_dataset", "evaluate.scored_dataset"),
        ],
    )


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    with Workspace.open(tmp_path_factory.mktemp("inference") / "ws") as opened:
        yield opened


@pytest.fixture(scope="module")
def engine(workspace: Workspace) -> Iterator[Engine]:
    with workspace_engine(workspace, max_workers=1) as started:
        yield started


@pytest.fixture(scope="module")
def training(workspace: Workspace, engine: Engine):  # type: ignore[no-untyped-def]
    summary = run_pipeline(workspace, _training_document(), engine=engine, track=False)
    assert summary.ok, summary.result.steps
    return summary


def _scored(workspace: Workspace, run_id: str, node: str, port: str) -> pd.DataFrame:
    step = next(s for s in workspace.runs.steps(run_id) if s.node_id == node)
    return load_output(workspace.artifacts, step.outputs[port]).frame


def test_real_time_pipeline_follows_the_scoring_path(workspace, training) -> None:  # type: ignore[no-untyped-def]
    derived = derive_inference_pipeline(workspace, training.run_id, "realtime")
    doc = derived.document
    components = {n.id: n.component for n in doc.nodes}
    assert components["clean"] == components["normalize"] == "apply_transformation"
    assert components["select"] == "apply_transformation"
    assert components["td_clean"] == components["td_select"] == "saved_transformation"
    assert components["md_train"] == "saved_trained_model"
    assert components["web_service_input"] == "web_service_input"
    assert components["web_service_output"] == "web_service_output"
    assert {"split", "smote", "learner", "train", "evaluate"}.isdisjoint(components)
    dropped = {d["node"]: d["reason"] for d in derived.dropped}
    assert set(dropped) == {"split", "smote", "learner", "evaluate"}
    assert "SMOTE" in dropped["smote"]
    assert {"node": "train", "component": "train_model", "as": "md_train"} in derived.frozen
    names = [c["name"] for c in derived.input_schema]
    assert "diagnosis" not in names and "mean radius" in names
    assert doc.name == "cancer-real-time"
    assert (
        doc.description
        == f"Real-time inference pipeline of run {training.run_id} (pipeline 'cancer')."
    )
    assert workspace.pipelines.get("cancer-real-time").document == doc.to_dict()


def test_real_time_run_scores_exactly_like_the_training_run(workspace, engine, training) -> None:  # type: ignore[no-untyped-def]
    derived = derive_inference_pipeline(workspace, training.run_id, "realtime", save=False)
    summary = run_pipeline(workspace, derived.document, engine=engine, track=False)
    assert summary.ok, summary.result.steps
    expected = _scored(workspace, training.run_id, "score", "scored_dataset")
    actual = _scored(workspace, summary.run_id, "score", "scored_dataset")
    for column in ("Scored Labels", "Scored Probabilities"):
        assert actual[column].tolist() == expected[column].tolist()


def test_rows_without_the_label_column_still_score(
    workspace, engine, training, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    rows = workspace.datasets.load_table("breast-cancer").frame.drop(columns=["diagnosis"])
    rows.to_csv(tmp_path / "unlabelled.csv", index=False)
    derived = derive_inference_pipeline(workspace, training.run_id, "realtime", save=False)
    raw = derived.document.to_dict()
    for node in raw["nodes"]:
        if node["id"] == "data":
            node.update(component="import_data", params={"path": str(tmp_path / "unlabelled.csv")})
    raw["edges"] = [
        {**e, "from": "data.results_dataset"} if e["from"] == "data.dataset" else e
        for e in raw["edges"]
    ]
    summary = run_pipeline(workspace, PipelineDocument.from_dict(raw), engine=engine, track=False)
    assert summary.ok, summary.result.steps
    actual = _scored(workspace, summary.run_id, "score", "scored_dataset")
    expected = _scored(workspace, training.run_id, "score", "scored_dataset")
    assert "diagnosis" not in actual.columns
    assert actual["Scored Labels"].tolist() == expected["Scored Labels"].tolist()


def test_batch_pipeline_writes_the_same_scores_to_the_datastore(
    workspace, engine, training
) -> None:  # type: ignore[no-untyped-def]
    derived = derive_inference_pipeline(workspace, training.run_id, "batch")
    doc = derived.document
    assert doc.name == "cancer-batch"
    assert doc.parameters["dataset_name"] == "breast-cancer"
    assert doc.parameters["output_path"] == "datastore://cancer/{run_id}/scored.parquet"
    assert doc.node("export").params["path"] == "${parameters.output_path}"
    summary = run_pipeline(workspace, doc, engine=engine, track=False)
    assert summary.ok, summary.result.steps
    written = Path(workspace.datastore_uri) / "cancer" / summary.run_id / "scored.parquet"
    expected = _scored(workspace, training.run_id, "score", "scored_dataset")
    assert pd.read_parquet(written)["Scored Labels"].tolist() == expected["Scored Labels"].tolist()


def test_clustering_scored_while_training_gets_an_assignment_node(workspace, engine) -> None:  # type: ignore[no-untyped-def]
    lookup = "species,family\nsetosa,a\nversicolor,b\nvirginica,c\n"
    doc = _doc(
        "irises",
        [
            {"id": "data", "component": "dataset", "params": {"name": "iris"}},
            {"id": "families", "component": "enter_data_manually", "params": {"data": lookup}},
            {
                "id": "join",
                "component": "join_data",
                "params": {
                    "join_key_columns_for_left_dataset": {"names": ["species"]},
                    "join_key_columns_for_right_dataset": {"names": ["species"]},
                },
            },
            {"id": "learner", "component": "k_means_clustering"},
            {
                "id": "cluster",
                "component": "train_clustering_model",
                "params": {"column_set": {"names": ["petal_length_cm", "petal_width_cm"]}},
            },
        ],
        [
            ("data.dataset", "join.left_dataset"),
            ("families.dataset", "join.right_dataset"),
            ("join.results_dataset", "cluster.dataset"),
            ("learner.untrained_model", "cluster.untrained_model"),
        ],
    )
    training = run_pipeline(workspace, doc, engine=engine, track=False)
    assert training.ok, training.result.steps
    derived = derive_inference_pipeline(workspace, training.run_id, "realtime", save=False)
    components = {n.id: n.component for n in derived.document.nodes}
    assert components["assign_data_to_clusters"] == "assign_data_to_clusters"
    assert components["families"] == "saved_table" and components["join"] == "join_data"
    assert components["md_cluster"] == "saved_trained_model"
    summary = run_pipeline(workspace, derived.document, engine=engine, track=False)
    assert summary.ok, summary.result.steps
    expected = _scored(workspace, training.run_id, "cluster", "results_dataset")
    actual = _scored(workspace, summary.run_id, "assign_data_to_clusters", "results_dataset")
    assert actual["Assignments"].tolist() == expected["Assignments"].tolist()


def test_cross_validation_only_is_not_derivable(workspace, engine) -> None:  # type: ignore[no-untyped-def]
    doc = _doc(
        "cv",
        [
            {"id": "data", "component": "dataset", "params": {"name": "breast-cancer"}},
            {"id": "learner", "component": "two_class_logistic_regression"},
            {
                "id": "cv",
                "component": "cross_validate_model",
                "params": {"label_column": "diagnosis"},
            },
        ],
        [("data.dataset", "cv.dataset"), ("learner.untrained_model", "cv.untrained_model")],
    )
    training = run_pipeline(workspace, doc, engine=engine, track=False)
    assert training.ok, training.result.steps
    with pytest.raises(NotDerivableError, match="cv") as info:
        derive_inference_pipeline(workspace, training.run_id, "batch")
    problem = info.value.details["problems"][0]
    assert problem["node"] == "cv" and problem["component"] == "cross_validate_model"


def test_unfinished_runs_and_unknown_kinds_are_refused(workspace, training) -> None:  # type: ignore[no-untyped-def]
    queued = workspace.runs.create(
        document=_training_document().to_dict(),
        parameters={},
        experiment="cancer",
        pipeline_name="cancer",
        run_id="queued-run",
    )
    with pytest.raises(ConflictError, match="completed"):
        derive_inference_pipeline(workspace, queued.id, "realtime")
    with pytest.raises(InvalidParameterError, match="kind"):
        derive_inference_pipeline(workspace, training.run_id, "stream")
