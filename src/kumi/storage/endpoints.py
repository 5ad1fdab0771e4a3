"""Real-time endpoints: their documents, keys and settings, and per-minute request metrics."""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from kumi.core.errors import ConflictError, NotFoundError
from kumi.storage.endpoint_orm import EndpointMetricRow, EndpointRow
from kumi.storage.orm import utc_now


@dataclass(frozen=True)
class Endpoint:
    """A deployed real-time endpoint."""

    name: str
    pipeline: str
    document: dict[str, Any]
    signature: dict[str, Any]
    """``{"inputs", "outputs", "input_example"}`` learned at deployment."""
    training_run_id: str | None
    model_name: str | None
    model_version: int | None
    runtime: str
    runtime_reason: str
    primary_key: str
    secondary_key: str
    extra_columns: str
    description: str
    status: str
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class MinuteMetrics:
    """Requests of one endpoint in one minute; ``histogram`` maps latency bucket → count."""

    minute: datetime
    requests: int
    errors: int
    histogram: dict[str, int]


class EndpointRepository:
    """Creates, finds, updates and deletes endpoints; adds up their request metrics."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def create(self, **values: Any) -> Endpoint:
        """Store a new endpoint (``values`` are :class:`Endpoint` fields); ConflictError
        when the name is taken."""
        try:
            with self._sessions.begin() as session:
                row = EndpointRow(**values)
                session.add(row)
                session.flush()
                return _record(row)
        except IntegrityError:
            raise _taken(values["name"]) from None

    def get(self, name: str) -> Endpoint:
        with self._sessions() as session:
            return _record(_row(session, name))

    def list(self) -> builtins.list[Endpoint]:
        with self._sessions() as session:
            rows = session.scalars(sa.select(EndpointRow).order_by(EndpointRow.name))
            return [_record(r) for r in rows]

    def versions(self) -> dict[str, datetime]:
        """``{name: updated_at}`` of every endpoint (a cheap change check)."""
        with self._sessions() as session:
            rows = session.execute(sa.select(EndpointRow.name, EndpointRow.updated_at))
            return {name: updated for name, updated in rows}

    def update(self, name: str, **values: Any) -> Endpoint:
        """Change fields of ``name`` (e.g. a key); NotFoundError if unknown."""
        with self._sessions.begin() as session:
            row = _row(session, name)
            for field, value in values.items():
                setattr(row, field, value)
            row.updated_at = utc_now()
            session.flush()
            return _record(row)

    def delete(self, name: str) -> None:
        """Remove ``name`` and its metrics; NotFoundError if unknown."""
        with self._sessions.begin() as session:
            session.delete(_row(session, name))
            session.execute(sa.delete(EndpointMetricRow).where(EndpointMetricRow.endpoint == name))

    def add_metrics(self, deltas: Mapping[tuple[str, datetime], MinuteMetrics]) -> None:
        """Add request counts and latency histograms per ``(endpoint, minute)`` to what
        other processes recorded."""
        if not deltas:
            return
        with self._sessions.begin() as session:
            for (name, minute), delta in deltas.items():
                row = session.get(EndpointMetricRow, (name, minute))
                if row is None:
                    session.add(
                        EndpointMetricRow(
                            endpoint=name,
                            minute=minute,
                            requests=delta.requests,
                            errors=delta.errors,
                            latency_histogram=dict(delta.histogram),
                        )
                    )
                    continue
                row.requests += delta.requests
                row.errors += delta.errors
                merged = dict(row.latency_histogram)
                for bucket, count in delta.histogram.items():
                    merged[bucket] = merged.get(bucket, 0) + count
                row.latency_histogram = merged

    def metrics(self, name: str, since: datetime | None = None) -> builtins.list[MinuteMetrics]:
        """Per-minute metrics of ``name``, oldest first."""
        query = sa.select(EndpointMetricRow).where(EndpointMetricRow.endpoint == name)
        if since is not None:
            query = query.where(EndpointMetricRow.minute >= since)
        with self._sessions() as session:
            rows = session.scalars(query.order_by(EndpointMetricRow.minute))
            return [
                MinuteMetrics(r.minute, r.requests, r.errors, dict(r.latency_histogram))
                for r in rows
            ]


def _row(session: Session, name: str) -> EndpointRow:
    row = session.scalars(sa.select(EndpointRow).where(EndpointRow.name == name)).first()
    if row is None:
        known = ", ".join(session.scalars(sa.select(EndpointRow.name))) or "none"
        raise NotFoundError(
            f"Endpoint '{name}' does not exist. Deployed endpoints: {known}. Deploy one with "
            "`kumi deploy RUN_ID --name NAME`.",
            details={"endpoint": name},
        )
    return row


def _taken(name: str) -> ConflictError:
    return ConflictError(
        f"An endpoint named '{name}' exists already; choose another name or delete it first.",
        details={"endpoint": name},
    )


def _record(row: EndpointRow) -> Endpoint:
    return Endpoint(
        name=row.name,
        pipeline=row.pipeline,
        document=row.document,
        signature=row.signature,
        training_run_id=row.training_run_id,
        model_name=row.model_name,
        model_version=row.model_version,
        runtime=row.runtime,
        runtime_reason=row.runtime_reason,
        primary_key=row.primary_key,
        secondary_key=row.secondary_key,
        extra_columns=row.extra_columns,
        description=row.description,
        status=row.status,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )
