"""The scheduler with an injected clock: one run per due time, missed fires collapse into
one, paused schedules and schedules of deleted endpoints do not fire."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kumi.core.errors import InvalidInputError
from kumi.services import workspace_engine
from kumi.services.pipeline_endpoints import QueuedRuns, publish
from kumi.services.scheduler import Scheduler
from kumi.services.schedules import check_cron, create_schedule, next_fire, set_paused
from kumi.storage.workspace import Workspace

T0 = datetime(2026, 1, 5, 10, 0, 30, tzinfo=UTC)


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    with Workspace.open(tmp_path / "ws") as opened:
        publish(opened, "diagnose", "breast-cancer-diagnosis")
        yield opened


@pytest.fixture
def scheduled(workspace: Workspace) -> Iterator[tuple[Scheduler, Clock]]:
    engine = workspace_engine(workspace)
    clock = Clock(T0)
    try:
        yield Scheduler(workspace, QueuedRuns(workspace, engine), now=clock), clock
    finally:
        engine.close()


def test_fires_once_per_due_time_and_records_the_run(
    workspace: Workspace, scheduled: tuple[Scheduler, Clock]
) -> None:
    scheduler, clock = scheduled
    schedule = create_schedule(
        workspace,
        "diagnose",
        name="m",
        cron="* * * * *",
        parameter_assignments={"seed": "7"},
        now=T0,
    )
    assert schedule.next_run_at == datetime(2026, 1, 5, 10, 1, tzinfo=UTC)
    assert scheduler.tick() == []
    clock.now = datetime(2026, 1, 5, 10, 1, tzinfo=UTC)
    (first,) = scheduler.tick()
    assert scheduler.tick() == []
    clock.now += timedelta(seconds=59)
    assert scheduler.tick() == []
    fired = workspace.schedules.get(schedule.id)
    assert (fired.last_run_id, fired.last_run_at) == (
        first,
        datetime(2026, 1, 5, 10, 1, tzinfo=UTC),
    )
    assert fired.next_run_at == datetime(2026, 1, 5, 10, 2, tzinfo=UTC)
    run = workspace.runs.get(first)
    assert run.status == "queued" and run.parameters["seed"] == 7
    assert run.experiment == "diagnose"
    (record,) = workspace.pipeline_endpoints.runs("diagnose")
    assert (record.run_id, record.trigger, record.schedule_id) == (first, "schedule", schedule.id)


def test_fires_missed_while_down_fire_once(
    workspace: Workspace, scheduled: tuple[Scheduler, Clock]
) -> None:
    scheduler, clock = scheduled
    schedule = create_schedule(workspace, "diagnose", name="m", cron="* * * * *", now=T0)
    clock.now = T0 + timedelta(minutes=30, seconds=5)
    assert len(scheduler.tick()) == 1
    assert scheduler.tick() == []
    assert workspace.schedules.get(schedule.id).next_run_at == datetime(
        2026, 1, 5, 10, 31, tzinfo=UTC
    )
    assert len(workspace.pipeline_endpoints.runs("diagnose")) == 1


def test_paused_schedules_do_not_fire_and_resume_from_now(
    workspace: Workspace, scheduled: tuple[Scheduler, Clock]
) -> None:
    scheduler, clock = scheduled
    paused = create_schedule(workspace, "diagnose", name="p", cron="* * * * *", now=T0)
    set_paused(workspace, paused.id, True)
    clock.now = T0 + timedelta(hours=2)
    assert scheduler.tick() == []
    resumed = set_paused(workspace, paused.id, False, now=clock.now)
    assert resumed.next_run_at == datetime(2026, 1, 5, 12, 1, tzinfo=UTC)
    assert scheduler.tick() == []
    clock.now = datetime(2026, 1, 5, 12, 1, tzinfo=UTC)
    assert len(scheduler.tick()) == 1


def test_a_schedule_of_a_deleted_endpoint_is_logged_and_skipped(
    workspace: Workspace, scheduled: tuple[Scheduler, Clock], caplog: pytest.LogCaptureFixture
) -> None:
    scheduler, clock = scheduled
    schedule = create_schedule(workspace, "diagnose", name="orphan", cron="* * * * *", now=T0)
    workspace.pipeline_endpoints.delete("diagnose")
    clock.now = T0 + timedelta(minutes=3)
    with caplog.at_level(logging.WARNING, logger="kumi.services.scheduler"):
        assert scheduler.tick() == []
    assert "'diagnose' no longer exists" in caplog.text and "orphan" in caplog.text
    after = workspace.schedules.get(schedule.id)
    assert after.last_run_id is None and after.next_run_at == datetime(
        2026, 1, 5, 10, 4, tzinfo=UTC
    )
    assert workspace.runs.briefs(status="queued") == []


def test_the_thread_fires_on_its_own(workspace: Workspace) -> None:
    engine = workspace_engine(workspace)
    clock = Clock(T0)
    scheduler = Scheduler(workspace, QueuedRuns(workspace, engine), interval_s=0.05, now=clock)
    schedule = create_schedule(workspace, "diagnose", name="m", cron="* * * * *", now=T0)
    clock.now = T0 + timedelta(minutes=1)
    scheduler.start()
    try:
        deadline = datetime.now(UTC) + timedelta(seconds=10)
        while workspace.schedules.get(schedule.id).last_run_id is None:
            assert datetime.now(UTC) < deadline
            time.sleep(0.02)
    finally:
        scheduler.close()
        engine.close()


def test_time_zones_and_cron_checks() -> None:
    summer = datetime(2026, 7, 1, tzinfo=UTC)
    assert next_fire("0 6 * * *", "Europe/Paris", summer) == datetime(2026, 7, 1, 4, tzinfo=UTC)
    winter = datetime(2026, 1, 1, tzinfo=UTC)
    assert next_fire("0 6 * * *", "Europe/Paris", winter) == datetime(2026, 1, 1, 5, tzinfo=UTC)
    assert check_cron("  */5   * * * * ") == "*/5 * * * *"
    assert check_cron("@daily") == "@daily"
    for bad in ("* * * *", "* * * * * *", "61 * * * *", "@sometimes", ""):
        with pytest.raises(InvalidInputError, match="five fields"):
            check_cron(bad)
