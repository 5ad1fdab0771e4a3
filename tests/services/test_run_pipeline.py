"""Running a pipeline in a workspace: recorded, cached, tracked in MLflow."""

from __future__ import annotations

import mlflow.pyfunc
import pytest
from mlflow.tracking import MlflowClient
from tests.conftest import SAMPLE_PIPELINES

from kumi.core import InvalidParameterError, PipelineValidationError
from kumi.graph import load_pipeline
from kumi.services import run_pipeline
from kumi.storage.workspace import Workspace

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def first_run(shared_workspace: Workspace):  # type: ignore[no-untyped-def]
    document = load_pipeline(SAMPLE_PIPELINES / "breast-cancer.yaml")
    return run_pipeline(shared_workspace, document, parameter_values={"seed": 3})


def test_run_completes_with_design_metric_names(first_run) -> None:  # type: ignore[no-untyped-def]
    assert first_run.status == "completed"
    assert set(first_run.metrics) == {
        "auc",
        "accuracy",
        "precision",
        "recall",
        "f1_score",
        "log_loss",
    }
    assert first_run.metrics["auc"] > 0.95
    payload = first_run.to_json()
    assert set(payload) == {"run_id", "status", "steps", "metrics"}
    assert {s["id"] for s in payload["steps"]} == {
        "data",
        "clean",
        "normalize",
        "split",
        "learner",
        "train",
        "score",
        "evaluate",
    }
    assert all(set(s) == {"id", "status", "cached", "seconds"} for s in payload["steps"])


def test_run_and_steps_are_recorded(shared_workspace: Workspace, first_run) -> None:  # type: ignore[no-untyped-def]
    run = shared_workspace.runs.get(first_run.run_id)
    assert run.status == "completed" and run.parameters["seed"] == 3
    assert run.metrics["auc"] == pytest.approx(first_run.metrics["auc"])
    steps = {s.node_id: s for s in shared_workspace.runs.steps(first_run.run_id)}
    assert steps["train"].status == "completed" and steps["train"].log_key
    assert (shared_workspace.path / steps["train"].log_key).exists()


def test_mlflow_parent_child_runs_metrics_and_model(shared_workspace: Workspace, first_run) -> None:  # type: ignore[no-untyped-def]
    client = MlflowClient(shared_workspace.tracking_uri)
    parent = client.get_run(first_run.mlflow_run_id)
    assert parent.info.status == "FINISHED"
    assert parent.data.metrics["auc"] == pytest.approx(first_run.metrics["auc"])
    assert parent.data.params["seed"] == "3"
    children = client.search_runs(
        [parent.info.experiment_id],
        filter_string=f"tags.mlflow.parentRunId = '{parent.info.run_id}'",
    )
    by_node = {c.data.tags["kumi.node_id"]: c for c in children}
    assert set(by_node) == {
        "data",
        "clean",
        "normalize",
        "split",
        "learner",
        "train",
        "score",
        "evaluate",
    }
    assert by_node["evaluate"].data.metrics["f1_score"] == pytest.approx(
        first_run.metrics["f1_score"]
    )
    assert by_node["split"].data.params["stratification_key_column"] == "diagnosis"
    model_uri = by_node["train"].data.tags["kumi.model_uri"]
    mlflow.set_tracking_uri(shared_workspace.tracking_uri)
    model = mlflow.pyfunc.load_model(model_uri)
    example = model.input_example
    assert example is not None and "diagnosis" not in example.columns
    predictions = model.predict(example)
    assert list(predictions.columns) == ["Scored Labels", "Scored Probabilities"]
    assert set(predictions["Scored Labels"]) <= {"benign", "malignant"}


def test_second_run_reuses_every_step(shared_workspace: Workspace, first_run) -> None:  # type: ignore[no-untyped-def]
    document = load_pipeline(SAMPLE_PIPELINES / "breast-cancer.yaml")
    again = run_pipeline(shared_workspace, document, parameter_values={"seed": 3})
    assert again.status == "completed"
    assert all(s.status.value == "reused" and s.cached for s in again.result.steps.values())
    assert again.metrics["auc"] == pytest.approx(first_run.metrics["auc"])
    reason = again.result.steps["train"].reason
    assert first_run.run_id in reason


def test_regenerate_reruns_only_that_step(shared_workspace: Workspace, first_run) -> None:  # type: ignore[no-untyped-def]
    document = load_pipeline(SAMPLE_PIPELINES / "breast-cancer.yaml")
    again = run_pipeline(
        shared_workspace, document, parameter_values={"seed": 3}, regenerate={"normalize"}
    )
    statuses = {n: s.status.value for n, s in again.result.steps.items()}
    assert statuses["normalize"] == "completed"
    assert "regenerate" in again.result.steps["normalize"].reason
    assert statuses["data"] == "reused" and statuses["clean"] == "reused"
    # identical output content → downstream steps are reused again
    assert statuses["evaluate"] == "reused"


def test_unknown_parameter_is_rejected_and_nothing_recorded(shared_workspace: Workspace) -> None:
    document = load_pipeline(SAMPLE_PIPELINES / "breast-cancer.yaml")
    before = len(shared_workspace.runs.list(limit=1000))
    with pytest.raises(InvalidParameterError, match="no parameter 'sed'"):
        run_pipeline(shared_workspace, document, parameter_values={"sed": 1})
    assert len(shared_workspace.runs.list(limit=1000)) == before


def test_invalid_document_names_node_and_port(shared_workspace: Workspace) -> None:
    document = load_pipeline(SAMPLE_PIPELINES / "breast-cancer.yaml")
    raw = document.model_dump(by_alias=True)
    raw["edges"][0]["to"] = "clean.no_such_port"
    broken = type(document).model_validate(raw)
    with pytest.raises(PipelineValidationError) as info:
        run_pipeline(shared_workspace, broken)
    problems = info.value.details["problems"]
    assert any(p.get("node") == "clean" and p.get("port") == "no_such_port" for p in problems)
