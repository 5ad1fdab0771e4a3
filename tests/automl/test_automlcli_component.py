"""The AutoML Train designer module: params, discovery through the entry point, the component
contract, and a designer pipeline dataset → AutoML Train → Score Model → Evaluate Model."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from importlib.metadata import EntryPoint, entry_points
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from kumi.api import ApiSettings, create_app
from kumi.automl.component import AutoMLTrain
from kumi.automl.trained import AutoMLTrainedModel
from kumi.core import InvalidParameterError, validate_params
from kumi.engine import load_output
from kumi.graph import PipelineDocument
from kumi.registry import ComponentRegistry
from kumi.registry.discovery import ENTRY_POINT_GROUP, builtin_components
from kumi.services import run_pipeline, workspace_engine
from kumi.storage.workspace import Workspace
from kumi.testing import check_component

PYPROJECT = Path(__file__).parents[2] / "pyproject.toml"


def declared_entry_point() -> EntryPoint:
    project = tomllib.loads(PYPROJECT.read_text())["project"]
    value = project["entry-points"][ENTRY_POINT_GROUP]["automl"]
    return EntryPoint(name="automl", value=value, group=ENTRY_POINT_GROUP)


def registry_with_automl() -> ComponentRegistry:
    """The built-ins plus the component the pyproject entry point names."""
    return ComponentRegistry([*builtin_components(), declared_entry_point().load()])


def params(**values: object) -> object:
    return validate_params(AutoMLTrain.Params, values, where="automl")


def test_the_entry_point_names_the_component() -> None:
    assert declared_entry_point().load() is AutoMLTrain
    assert AutoMLTrain.id == "automl" and AutoMLTrain.name == "AutoML Train"
    assert str(AutoMLTrain.category) == "Model Training"


@pytest.mark.skipif(
    not any(ep.name == "automl" for ep in entry_points(group=ENTRY_POINT_GROUP)),
    reason="kumi's entry points are not installed (pip install -e .)",
)
def test_installed_kumi_discovers_it() -> None:
    from kumi.registry import default_registry

    assert default_registry().get("automl") is AutoMLTrain


def test_validation_takes_auto_folds_or_a_fraction() -> None:
    assert params().validation_value() == "auto"
    assert params(validation=5).validation_value() == 5
    assert params(validation="0.2").validation_value() == 0.2
    for bad in ("1", "1.5", "folds", True):
        with pytest.raises(InvalidParameterError, match="validation"):
            params(validation=bad)


def test_bad_metric_task_pairs_and_families_are_refused_with_the_choices() -> None:
    with pytest.raises(InvalidParameterError, match="'auc' is not for regression"):
        params(task="regression", metric="auc")
    assert params(task="regression", metric="rmse").metric == "rmse"
    with pytest.raises(InvalidParameterError, match="lightgbm"):
        params(blocked_models=["catboost"])
    with pytest.raises(InvalidParameterError, match="time_budget_s"):
        params(time_budget_s=0)


def test_the_manifest_of_the_page_lists_it(tmp_path: Path) -> None:
    settings = ApiSettings(workspace=tmp_path / "ws", static_dir=tmp_path / "static")
    with TestClient(create_app(settings, registry=registry_with_automl())) as client:
        components = client.get("/api/components").json()["components"]
    entry = next(c for c in components if c["id"] == "automl")
    assert entry["name"] == "AutoML Train" and entry["category"] == "Model Training"
    assert [p["name"] for p in entry["inputs"]] == ["dataset"]
    assert [(p["name"], p["type"]) for p in entry["outputs"]] == [
        ("trained_model", "trained_model"),
        ("leaderboard", "table"),
    ]
    properties = entry["params_schema"]["properties"]
    assert properties["time_budget_s"]["default"] == 60.0
    assert properties["label_column"]["anyOf"][0]["x-kumi-widget"] == "column"


@pytest.mark.slow
def test_it_passes_the_component_contract() -> None:
    check_component(AutoMLTrain)


def _pipeline() -> PipelineDocument:
    nodes = [
        {"id": "data", "component": "dataset", "params": {"name": "breast-cancer"}},
        {
            "id": "automl",
            "component": "automl",
            "params": {"label_column": "diagnosis", "time_budget_s": 60, "max_trials": 4},
        },
        {"id": "score", "component": "score_model"},
        {"id": "evaluate", "component": "evaluate_model"},
    ]
    edges = [
        ("data.dataset", "automl.dataset"),
        ("automl.trained_model", "score.trained_model"),
        ("data.dataset", "score.dataset"),
        ("score.scored_dataset", "evaluate.scored_dataset"),
    ]
    return PipelineDocument.from_dict(
        {
            "schema_version": 1,
            "name": "automl-cancer",
            "nodes": nodes,
            "edges": [{"from": a, "to": b} for a, b in edges],
        }
    )


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    with Workspace.open(tmp_path_factory.mktemp("automl-designer") / "ws") as opened:
        yield opened


@pytest.mark.slow
def test_a_designer_pipeline_trains_scores_and_evaluates_in_engine_workers(
    workspace: Workspace,
) -> None:
    with workspace_engine(workspace, registry=registry_with_automl(), max_workers=1) as engine:
        summary = run_pipeline(workspace, _pipeline(), engine=engine, track=False)
    assert summary.ok, {k: s.error for k, s in summary.result.steps.items()}
    outputs = {s.node_id: s.outputs for s in workspace.runs.steps(summary.run_id)}
    model = load_output(workspace.artifacts, outputs["automl"]["trained_model"])
    assert isinstance(model, AutoMLTrainedModel) and model.label_column == "diagnosis"
    board = load_output(workspace.artifacts, outputs["automl"]["leaderboard"]).frame
    assert list(board["rank"]) == list(range(1, len(board) + 1))
    assert len(board) >= 4 and "completed" in set(board["status"])
    scored = load_output(workspace.artifacts, outputs["score"]["scored_dataset"]).frame
    assert {"Scored Labels", "Scored Probabilities"} <= set(scored.columns)
    report = load_output(workspace.artifacts, outputs["evaluate"]["evaluation_results"])
    assert report.metrics["auc"] > 0.9, report.metrics
