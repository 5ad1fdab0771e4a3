"""Pipeline endpoints and schedules in the metadata database (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from kumi.core.errors import InvalidInputError, NotFoundError
from kumi.storage import Workspace

DOCUMENT = {"schema_version": 1, "name": "p", "parameters": {"path": "a.csv", "n": 3}}


def test_publish_versions_snapshots_and_default(bare_workspace: Workspace) -> None:
    endpoints = bare_workspace.pipeline_endpoints
    first = endpoints.publish("score", DOCUMENT, pipeline_name="p", pipeline_version=1)
    assert first.default_version == 1 and first.version().parameters == {"path": "a.csv", "n": 3}
    changed = {**DOCUMENT, "parameters": {"path": "b.csv"}}
    second = endpoints.publish("score", changed, pipeline_name="p", description="new")
    assert [v.version for v in second.versions] == [1, 2]
    assert second.default_version == 1 and second.description == "new"
    assert second.version(2).parameters == {"path": "b.csv"}
    third = endpoints.publish("score", DOCUMENT, pipeline_name="p", set_default=True)
    assert third.default_version == 3
    assert endpoints.set_default("score", 2).version().parameters == {"path": "b.csv"}
    with pytest.raises(NotFoundError, match="no version 9"):
        endpoints.set_default("score", 9)
    assert endpoints.get("score").default_version == 2
    assert [e.name for e in endpoints.list()] == ["score"]


def test_runs_are_recorded_newest_first_and_go_with_the_endpoint(
    bare_workspace: Workspace,
) -> None:
    endpoints = bare_workspace.pipeline_endpoints
    endpoints.publish("score", DOCUMENT, pipeline_name="p")
    endpoints.record_run("score", version=1, run_id="r1", trigger="api", tags={"a": "b"})
    endpoints.record_run("score", version=1, run_id="r2", trigger="schedule", schedule_id="s")
    runs = endpoints.runs("score")
    assert [(r.run_id, r.trigger, r.schedule_id) for r in runs] == [
        ("r2", "schedule", "s"),
        ("r1", "api", None),
    ]
    assert runs[1].tags == {"a": "b"}
    endpoints.delete("score")
    assert not endpoints.exists("score")
    with pytest.raises(NotFoundError, match="Publish a pipeline"):
        endpoints.runs("score")
    endpoints.publish("score", DOCUMENT, pipeline_name="p")
    assert endpoints.runs("score") == []


def test_names_are_checked(bare_workspace: Workspace) -> None:
    with pytest.raises(InvalidInputError):
        bare_workspace.pipeline_endpoints.publish("a/b", DOCUMENT, pipeline_name="p")
    with pytest.raises(NotFoundError):
        bare_workspace.pipeline_endpoints.get("missing")


def test_schedules_due_claim_and_pause(bare_workspace: Workspace) -> None:
    schedules = bare_workspace.schedules
    t0 = datetime(2026, 1, 5, 10, 1, tzinfo=UTC)
    one = schedules.create(name="a", endpoint="e", cron="* * * * *", timezone="UTC", next_run_at=t0)
    two = schedules.create(
        name="b",
        endpoint="e",
        cron="* * * * *",
        timezone="UTC",
        next_run_at=t0 + timedelta(hours=1),
    )
    assert schedules.due(t0 - timedelta(seconds=1)) == []
    assert [s.id for s in schedules.due(t0)] == [one.id]
    assert schedules.claim(one, t0 + timedelta(minutes=1))
    assert not schedules.claim(one, t0 + timedelta(minutes=1))  # already moved on
    fired = schedules.record_fire(one.id, run_id="r", at=t0)
    assert (fired.last_run_id, fired.last_run_at, fired.next_run_at) == (
        "r",
        t0,
        t0 + timedelta(minutes=1),
    )
    schedules.set_paused(two.id, True)
    assert [s.id for s in schedules.due(t0 + timedelta(days=1))] == [one.id]
    assert [s.name for s in schedules.list(endpoint="e")] == ["a", "b"]
    schedules.delete(one.id)
    with pytest.raises(NotFoundError):
        schedules.get(one.id)
