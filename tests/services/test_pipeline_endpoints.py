"""Publishing pipelines as endpoints and checking Azure-style parameter assignments."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kumi.core.errors import InvalidParameterError, NotFoundError, PipelineValidationError
from kumi.services import workspace_engine
from kumi.services.pipeline_endpoints import QueuedRuns, check_assignments, publish, submit
from kumi.storage.workspace import Workspace

PARAMETERS = {"seed": 42, "fraction": 0.7, "path": "a.csv", "shuffle": True, "anything": None}


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ({"seed": 7}, {"seed": 7}),
        ({"seed": "7"}, {"seed": 7}),
        ({"seed": 7.0}, {"seed": 7}),
        ({"fraction": 1}, {"fraction": 1.0}),
        ({"fraction": "0.25"}, {"fraction": 0.25}),
        ({"shuffle": "False"}, {"shuffle": False}),
        ({"path": "b.csv", "anything": [1]}, {"path": "b.csv", "anything": [1]}),
    ],
)
def test_assignments_take_the_type_of_the_default(given: dict, expected: dict) -> None:
    assert check_assignments("e", PARAMETERS, given) == expected


@pytest.mark.parametrize(
    ("given", "named"),
    [
        ({"seed": "seven"}, "seed"),
        ({"seed": 7.5}, "seed"),
        ({"seed": True}, "seed"),
        ({"shuffle": 1}, "shuffle"),
        ({"path": 3}, "path"),
        ({"fraction": None}, "fraction"),
        ({"seeds": 1}, "seeds"),
    ],
)
def test_wrong_assignments_name_the_parameter(given: dict, named: str) -> None:
    with pytest.raises(InvalidParameterError, match=f"'{named}'") as caught:
        check_assignments("e", PARAMETERS, given)
    assert caught.value.details["parameter"] == named


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    with Workspace.open(tmp_path_factory.mktemp("endpoints") / "ws") as opened:
        yield opened


def test_a_version_is_a_snapshot_of_the_saved_pipeline(workspace: Workspace) -> None:
    saved = workspace.pipelines.get("breast-cancer-diagnosis")
    endpoint = publish(workspace, "snap", saved.name, description="Diagnosis.")
    changed = {**saved.document, "parameters": {**saved.document["parameters"], "seed": 1}}
    workspace.pipelines.save(saved.name, changed)
    assert endpoint.version().parameters["seed"] == 42
    assert workspace.pipeline_endpoints.get("snap").version().parameters["seed"] == 42
    newer = publish(workspace, "snap", saved.name)
    assert newer.version(2).parameters["seed"] == 1 and newer.version(2).pipeline_version == 2


def test_an_unrunnable_pipeline_is_not_published(workspace: Workspace, tmp_path: Path) -> None:
    broken = {
        "schema_version": 1,
        "name": "broken",
        "nodes": [{"id": "x", "component": "no_such_component"}],
    }
    workspace.pipelines.save("broken", broken)
    with pytest.raises(PipelineValidationError):
        publish(workspace, "broken", "broken")
    assert not workspace.pipeline_endpoints.exists("broken")
    with pytest.raises(NotFoundError):
        publish(workspace, "x", "missing-pipeline")


def test_submit_queues_a_run_of_the_chosen_version(workspace: Workspace) -> None:
    publish(workspace, "queued", "breast-cancer-diagnosis")
    engine = workspace_engine(workspace)
    try:
        submitted = submit(
            workspace,
            QueuedRuns(workspace, engine),
            "queued",
            experiment_name="nightly",
            parameter_assignments={"seed": "3"},
            tags={"k": "v"},
        )
    finally:
        engine.close()
    run = workspace.runs.get(submitted.run.id)
    assert run.status == "queued" and run.parameters["seed"] == 3
    assert run.experiment == "nightly" and run.pipeline_name == "breast-cancer-diagnosis"
    assert submitted.endpoint_run.version == 1 and submitted.endpoint_run.tags == {"k": "v"}
