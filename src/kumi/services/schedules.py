"""Schedules of pipeline endpoints: create, pause, resume, delete; when each fires next.

A cron expression has five fields (minute hour day-of-month month day-of-week) read in the
schedule's IANA time zone; fire times are stored in UTC.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from croniter import croniter

from kumi.core.errors import ConflictError, InvalidInputError
from kumi.services.pipeline_endpoints import check_assignments
from kumi.storage.schedules import Schedule
from kumi.storage.workspace import Workspace

CRON_HELP = (
    "A cron expression has five fields, 'minute hour day-of-month month day-of-week', e.g. "
    "'*/15 * * * *' (every 15 minutes), '0 6 * * 1-5' (06:00 on weekdays), or a macro such "
    "as '@daily'."
)


def utc_now() -> datetime:
    return datetime.now(UTC)


def check_cron(cron: str) -> str:
    """``cron`` trimmed, or InvalidInputError saying what a valid one looks like."""
    text = " ".join(cron.split())
    fields = text.split(" ")
    valid = (text.startswith("@") and len(fields) == 1) or len(fields) == 5
    if not valid or not croniter.is_valid(text):
        raise InvalidInputError(
            f"'{cron}' is not a valid cron expression. {CRON_HELP}",
            details={"cron": cron},
        )
    return text


def check_timezone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise InvalidInputError(
            f"'{name}' is not a known time zone; use an IANA name such as 'UTC' or 'Europe/Paris'.",
            details={"timezone": name},
        ) from exc


def next_fire(cron: str, timezone: str, after: datetime) -> datetime:
    """The first fire time of ``cron`` in ``timezone`` strictly after ``after`` (UTC)."""
    local = after.astimezone(check_timezone(timezone))
    fire: datetime = croniter(cron, local).get_next(datetime)
    return fire.astimezone(UTC)


def create_schedule(
    workspace: Workspace,
    endpoint: str,
    *,
    name: str,
    cron: str,
    timezone: str = "UTC",
    parameter_assignments: Mapping[str, object] | None = None,
    experiment_name: str | None = None,
    version: int | None = None,
    now: datetime | None = None,
) -> Schedule:
    """A schedule of ``endpoint`` (checked: cron, time zone, version and assignments)."""
    text = check_cron(cron)
    check_timezone(timezone)
    chosen = workspace.pipeline_endpoints.get(endpoint).version(version)
    values = check_assignments(endpoint, chosen.parameters, parameter_assignments or {})
    if any(s.name == name for s in workspace.schedules.list(endpoint=endpoint)):
        raise ConflictError(
            f"Pipeline endpoint '{endpoint}' has a schedule named '{name}' already; choose "
            "another name or delete that schedule.",
            details={"endpoint": endpoint, "schedule": name},
        )
    return workspace.schedules.create(
        name=name,
        endpoint=endpoint,
        cron=text,
        timezone=timezone,
        next_run_at=next_fire(text, timezone, now or utc_now()),
        parameter_assignments=values,
        experiment_name=experiment_name,
        version=version,
    )


def set_paused(
    workspace: Workspace, schedule_id: str, paused: bool, *, now: datetime | None = None
) -> Schedule:
    """Pause, or resume from the next fire time after ``now`` (missed fires are skipped)."""
    schedule = workspace.schedules.get(schedule_id)
    if paused or not schedule.paused:
        return workspace.schedules.set_paused(schedule_id, paused)
    upcoming = next_fire(schedule.cron, schedule.timezone, now or utc_now())
    return workspace.schedules.set_paused(schedule_id, False, next_run_at=upcoming)
