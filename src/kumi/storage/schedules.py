"""Schedules: cron expressions that submit a pipeline endpoint's runs."""

from __future__ import annotations

import builtins
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session, sessionmaker

from kumi.core.errors import NotFoundError
from kumi.storage.orm_pipeline_endpoints import ScheduleRow


@dataclass(frozen=True)
class Schedule:
    """When (``cron`` in ``timezone``) to submit which endpoint version with which values."""

    id: str
    name: str
    endpoint: str
    version: int | None
    cron: str
    timezone: str
    parameter_assignments: dict[str, Any]
    experiment_name: str | None
    paused: bool
    last_run_at: datetime | None
    last_run_id: str | None
    next_run_at: datetime | None
    created_at: datetime

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "endpoint": self.endpoint,
            "cron": self.cron,
            "timezone": self.timezone,
            "parameter_assignments": self.parameter_assignments,
            "experiment_name": self.experiment_name,
            "version": self.version,
            "paused": self.paused,
            "next_run_at": _iso(self.next_run_at),
            "last_run_at": _iso(self.last_run_at),
            "last_run_id": self.last_run_id,
            "created_at": _iso(self.created_at),
        }


class ScheduleRepository:
    """Creates, finds, lists, pauses and deletes schedules; claims due fires."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def create(
        self,
        *,
        name: str,
        endpoint: str,
        cron: str,
        timezone: str,
        next_run_at: datetime,
        parameter_assignments: dict[str, Any] | None = None,
        experiment_name: str | None = None,
        version: int | None = None,
    ) -> Schedule:
        row = ScheduleRow(
            id=uuid.uuid4().hex,
            name=name,
            endpoint=endpoint,
            version=version,
            cron=cron,
            timezone=timezone,
            parameter_assignments=dict(parameter_assignments or {}),
            experiment_name=experiment_name,
            paused=False,
            next_run_at=next_run_at,
        )
        with self._sessions.begin() as session:
            session.add(row)
            session.flush()
            return _record(row)

    def get(self, schedule_id: str) -> Schedule:
        with self._sessions() as session:
            return _record(_row(session, schedule_id))

    def list(self, *, endpoint: str | None = None) -> builtins.list[Schedule]:
        """Schedules (of one endpoint when given), oldest first."""
        query = sa.select(ScheduleRow).order_by(ScheduleRow.created_at, ScheduleRow.id)
        if endpoint is not None:
            query = query.where(ScheduleRow.endpoint == endpoint)
        with self._sessions() as session:
            return [_record(row) for row in session.scalars(query)]

    def due(self, now: datetime) -> builtins.list[Schedule]:
        """Schedules not paused whose next fire time has come."""
        query = (
            sa.select(ScheduleRow)
            .where(ScheduleRow.paused.is_(False), ScheduleRow.next_run_at <= now)
            .order_by(ScheduleRow.next_run_at)
        )
        with self._sessions() as session:
            return [_record(row) for row in session.scalars(query)]

    def claim(self, schedule: Schedule, next_run_at: datetime) -> bool:
        """Move a due schedule on to ``next_run_at``; False when another process (or a
        pause) got there first, so each fire is submitted once."""
        statement = (
            sa.update(ScheduleRow)
            .where(
                ScheduleRow.id == schedule.id,
                ScheduleRow.paused.is_(False),
                ScheduleRow.next_run_at == schedule.next_run_at,
            )
            .values(next_run_at=next_run_at)
        )
        with self._sessions.begin() as session:
            return bool(session.execute(statement).rowcount)  # type: ignore[attr-defined]

    def record_fire(self, schedule_id: str, *, run_id: str, at: datetime) -> Schedule:
        with self._sessions.begin() as session:
            row = _row(session, schedule_id)
            row.last_run_id, row.last_run_at = run_id, at
            session.flush()
            return _record(row)

    def set_paused(
        self, schedule_id: str, paused: bool, *, next_run_at: datetime | None = None
    ) -> Schedule:
        """Pause or resume; resuming sets the next fire time (missed fires are skipped)."""
        with self._sessions.begin() as session:
            row = _row(session, schedule_id)
            row.paused = paused
            if next_run_at is not None:
                row.next_run_at = next_run_at
            session.flush()
            return _record(row)

    def delete(self, schedule_id: str) -> None:
        with self._sessions.begin() as session:
            session.delete(_row(session, schedule_id))


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _row(session: Session, schedule_id: str) -> ScheduleRow:
    row = session.get(ScheduleRow, schedule_id)
    if row is None:
        raise NotFoundError(
            f"Schedule '{schedule_id}' does not exist; list schedules to see their ids.",
            details={"schedule": schedule_id},
        )
    return row


def _record(row: ScheduleRow) -> Schedule:
    return Schedule(
        id=row.id,
        name=row.name,
        endpoint=row.endpoint,
        version=row.version,
        cron=row.cron,
        timezone=row.timezone,
        parameter_assignments=dict(row.parameter_assignments),
        experiment_name=row.experiment_name,
        paused=row.paused,
        last_run_at=row.last_run_at,
        last_run_id=row.last_run_id,
        next_run_at=row.next_run_at,
        created_at=row.created_at,
    )
