"""Runs, steps, experiments, pipelines and the cache index on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from kumi.core import CacheEntry, CacheIndex, OutputRef
from kumi.core.errors import InvalidInputError, NotFoundError, StepFailedError
from kumi.storage import Workspace

DOC = {"schema_version": 1, "name": "p", "nodes": [], "edges": [], "parameters": {}}
REF = OutputRef("steps/abc/results_dataset", "blake2b:123", "table")


# -- runs -----------------------------------------------------------------------------------
def test_run_lifecycle_stamps_times(bare_workspace: Workspace) -> None:
    runs = bare_workspace.runs
    run = runs.create(document=DOC, parameters={"x": 1}, pipeline_name="p", experiment="exp")
    assert (run.status, run.experiment, run.parameters) == ("queued", "exp", {"x": 1})
    assert run.started_at is None and run.finished_at is None
    assert run.created_at.tzinfo is not None
    running = runs.set_status(run.id, "running")
    assert running.started_at is not None and running.finished_at is None
    failed = runs.set_status(
        run.id, "failed", error=StepFailedError("Node 'split' failed.", details={"node": "split"})
    )
    assert failed.finished_at is not None and failed.finished_at >= running.started_at
    assert failed.started_at == running.started_at
    assert failed.error == {
        "code": "step_failed",
        "message": "Node 'split' failed.",
        "details": {"node": "split"},
    }
    stored = runs.get(run.id)
    assert stored == failed
    assert stored.to_dict()["status"] == "failed"


def test_update_merges_metrics_and_sets_mlflow_id(bare_workspace: Workspace) -> None:
    runs = bare_workspace.runs
    run = runs.create(document=DOC)
    runs.update(run.id, metrics={"auc": 0.91})
    updated = runs.update(run.id, metrics={"accuracy": 0.8}, mlflow_run_id="ml-1")
    assert updated.metrics == {"auc": 0.91, "accuracy": 0.8}
    assert runs.get(run.id).mlflow_run_id == "ml-1"
    assert updated.experiment == "Default"


def test_list_newest_first_with_paging_and_filters(bare_workspace: Workspace) -> None:
    runs = bare_workspace.runs
    ids = [
        runs.create(document=DOC, pipeline_name="a" if i % 2 else "b", run_id=f"run-{i}").id
        for i in range(5)
    ]
    runs.set_status("run-4", "completed")
    assert [r.id for r in runs.list()] == ids[::-1]
    assert [r.id for r in runs.list(limit=2, offset=1)] == ["run-3", "run-2"]
    assert [r.id for r in runs.list(pipeline_name="a")] == ["run-3", "run-1"]
    assert [r.id for r in runs.list(status="completed")] == ["run-4"]
    assert runs.list(experiment="nope") == []


def test_upsert_step_inserts_then_updates_keeping_given_fields(
    bare_workspace: Workspace,
) -> None:
    runs = bare_workspace.runs
    run = runs.create(document=DOC)
    first = runs.upsert_step(
        run.id, "split", component_id="split_data", status="running", log_key="logs/split"
    )
    assert first.started_at is not None and first.finished_at is None
    runs.upsert_step(run.id, "data", component_id="import_data", status="queued")
    done = runs.upsert_step(
        run.id,
        "split",
        component_id="split_data",
        status="reused",
        cached=True,
        reason="reused: same inputs as run r0 step split",
        seconds=0.25,
        cache_key="ck1",
        outputs={"results_dataset1": REF},
    )
    assert done.log_key == "logs/split" and done.started_at == first.started_at
    assert done.cached and done.finished_at is not None
    canceled = runs.upsert_step(
        run.id, "data", component_id="import_data", status="canceled", reason="upstream failed"
    )
    assert canceled.started_at is None and canceled.finished_at is not None
    steps = runs.steps(run.id)
    assert [s.node_id for s in steps] == ["split", "data"]
    assert steps[0].outputs == {"results_dataset1": REF}
    assert steps[0].to_dict()["outputs"]["results_dataset1"]["key"] == REF.key


def test_unknown_run_and_bad_status(bare_workspace: Workspace) -> None:
    runs = bare_workspace.runs
    with pytest.raises(NotFoundError, match="nope"):
        runs.get("nope")
    with pytest.raises(NotFoundError):
        runs.upsert_step("nope", "n", component_id="c", status="running")
    run = runs.create(document=DOC)
    with pytest.raises(InvalidInputError, match="done"):
        runs.set_status(run.id, "done")
    with pytest.raises(InvalidInputError, match="already exists"):
        runs.create(document=DOC, run_id=run.id)


def test_delete_run_removes_steps(bare_workspace: Workspace) -> None:
    runs = bare_workspace.runs
    run = runs.create(document=DOC)
    runs.upsert_step(run.id, "n", component_id="c", status="completed")
    runs.delete(run.id)
    with pytest.raises(NotFoundError):
        runs.steps(run.id)


# -- experiments ----------------------------------------------------------------------------
def test_experiments(bare_workspace: Workspace) -> None:
    experiments = bare_workspace.experiments
    created = experiments.get_or_create("churn", "customer churn")
    assert experiments.get_or_create("churn") == created
    experiments.set_mlflow_experiment_id("churn", "17")
    assert experiments.get("churn").mlflow_experiment_id == "17"
    bare_workspace.runs.create(document=DOC, experiment="another")
    assert experiments.names() == ["another", "churn"]
    with pytest.raises(NotFoundError, match="missing"):
        experiments.get("missing")
    with pytest.raises(InvalidInputError):
        experiments.get_or_create("  ")


# -- pipelines ------------------------------------------------------------------------------
def test_pipeline_versions(bare_workspace: Workspace) -> None:
    pipelines = bare_workspace.pipelines
    first = pipelines.save("credit", DOC, description="v1")
    same = pipelines.save("credit", {**DOC})
    assert same.version == 1 and same.description == "v1"
    changed = {**DOC, "parameters": {"data_path": "x.csv"}}
    second = pipelines.save("credit", changed, description="v2")
    assert second.version == 2
    assert pipelines.get("credit").document == changed
    assert pipelines.get("credit", 1) == first
    pipelines.save("other", DOC)
    assert [(p.name, p.version) for p in pipelines.list()] == [("credit", 2), ("other", 1)]
    assert [p.version for p in pipelines.versions("credit")] == [1, 2]
    redescribed = pipelines.save("credit", changed, description="better")
    assert (redescribed.version, redescribed.description) == (2, "better")
    pipelines.delete("other")
    with pytest.raises(NotFoundError, match="other"):
        pipelines.get("other")
    with pytest.raises(NotFoundError, match="version 9"):
        pipelines.get("credit", 9)


def test_pipeline_must_be_json(bare_workspace: Workspace) -> None:
    with pytest.raises(InvalidInputError, match="not a JSON document"):
        bare_workspace.pipelines.save("bad", {"when": datetime.now(UTC)})
    assert bare_workspace.pipelines.list() == []


# -- cache ----------------------------------------------------------------------------------
def test_cache_index_get_put_replace(bare_workspace: Workspace) -> None:
    cache: CacheIndex = bare_workspace.cache
    assert cache.get("k1") is None
    entry = CacheEntry("k1", {"results_dataset": REF}, "run-1", "split", 1.5)
    cache.put(entry)
    assert cache.get("k1") == entry
    newer = CacheEntry("k1", {"results_dataset": REF}, "run-2", "split", 0.5)
    cache.put(newer)
    found = cache.get("k1")
    assert found is not None and found.source_run_id == "run-2"
    bare_workspace.cache.delete("k1")
    assert cache.get("k1") is None
    cache.put(entry)
    assert bare_workspace.cache.clear() == 1


def test_briefs_agree_with_full_records(tmp_path):
    from kumi.storage.workspace import Workspace

    with Workspace.open(tmp_path / "ws") as ws:
        run = ws.runs.create(document={"nodes": []}, experiment="brief")
        ws.runs.set_status(run.id, "running")
        ws.runs.update(run.id, metrics={"auc": 0.75})
        ws.runs.set_status(run.id, "failed", error={"code": "x", "message": "m", "details": {}})
        ws.runs.create(document={"nodes": []}, experiment="other")
        full = {r.id: r.to_dict() for r in ws.runs.list(limit=10)}
        briefs = ws.runs.briefs(limit=10)
        assert len(briefs) == 2
        for brief in briefs:
            data = brief.to_dict()
            assert data == {key: full[brief.id][key] for key in data}
        assert [b.id for b in ws.runs.briefs(experiment="brief")] == [run.id]
