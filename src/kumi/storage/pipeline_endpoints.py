"""Pipeline endpoints: named, versioned snapshots of pipeline documents, and the runs
started through them."""

from __future__ import annotations

import builtins
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from kumi.core.errors import InvalidInputError, NotFoundError
from kumi.storage.orm_pipeline_endpoints import (
    PipelineEndpointRow,
    PipelineEndpointRunRow,
    PipelineEndpointVersionRow,
)

TRIGGERS = ("api", "schedule")
_ATTEMPTS = 5


@dataclass(frozen=True)
class PipelineEndpointVersion:
    """One published snapshot of a pipeline document."""

    version: int
    pipeline_name: str
    pipeline_version: int | None
    document: dict[str, Any]
    created_at: datetime

    @property
    def parameters(self) -> dict[str, Any]:
        """The pipeline's parameters with their defaults."""
        return dict(self.document.get("parameters") or {})


@dataclass(frozen=True)
class PipelineEndpoint:
    """A named endpoint with every published version, oldest first."""

    name: str
    description: str
    default_version: int
    versions: tuple[PipelineEndpointVersion, ...]
    created_at: datetime

    def version(self, number: int | None = None) -> PipelineEndpointVersion:
        """Version ``number`` (the default version when None)."""
        wanted = self.default_version if number is None else number
        for candidate in self.versions:
            if candidate.version == wanted:
                return candidate
        raise NotFoundError(
            f"Pipeline endpoint '{self.name}' has no version {wanted} (its versions: "
            f"{', '.join(str(v.version) for v in self.versions)}). Pass one of those.",
            details={"endpoint": self.name, "version": wanted},
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "description": self.description,
            "default_version": self.default_version,
            "versions": [
                {
                    "version": v.version,
                    "pipeline": v.pipeline_name,
                    "pipeline_version": v.pipeline_version,
                    "parameters": v.parameters,
                    "created_at": v.created_at.isoformat(),
                }
                for v in self.versions
            ],
            "created_at": self.created_at.isoformat(),
        }


@dataclass(frozen=True)
class PipelineEndpointRun:
    """A run started through an endpoint: by whom (``trigger``) and with which version."""

    endpoint: str
    version: int
    run_id: str
    trigger: str
    schedule_id: str | None
    description: str
    tags: dict[str, Any]
    created_at: datetime

    def to_dict(self) -> dict[str, Any]:
        return {
            "endpoint": self.endpoint,
            "version": self.version,
            "run_id": self.run_id,
            "trigger": self.trigger,
            "schedule_id": self.schedule_id,
            "description": self.description,
            "tags": self.tags,
            "created_at": self.created_at.isoformat(),
        }


class PipelineEndpointRepository:
    """Publishes, finds, lists and deletes pipeline endpoints; records their runs."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def publish(
        self,
        name: str,
        document: dict[str, Any],
        *,
        pipeline_name: str,
        pipeline_version: int | None = None,
        description: str | None = None,
        set_default: bool | None = None,
    ) -> PipelineEndpoint:
        """Add ``document`` as the next version of endpoint ``name`` (created when new: its
        first version is the default). ``set_default`` makes a later version the default."""
        _check_name(name)
        for attempt in range(_ATTEMPTS):
            try:
                with self._sessions.begin() as session:
                    row = _endpoint_row(session, name, missing_ok=True)
                    if row is None:
                        row = PipelineEndpointRow(
                            name=name, description=description or "", default_version=1
                        )
                        session.add(row)
                        session.flush()
                    version = _latest_version(session, row.id) + 1
                    session.add(
                        PipelineEndpointVersionRow(
                            endpoint_id=row.id,
                            version=version,
                            pipeline_name=pipeline_name,
                            pipeline_version=pipeline_version,
                            document=document,
                        )
                    )
                    if set_default and version > 1:
                        row.default_version = version
                    if description is not None and version > 1:
                        row.description = description
                    session.flush()
                    return _record(session, row)
            except IntegrityError:
                if attempt == _ATTEMPTS - 1:
                    raise
        raise AssertionError("unreachable")

    def get(self, name: str) -> PipelineEndpoint:
        with self._sessions() as session:
            row = _endpoint_row(session, name)
            assert row is not None
            return _record(session, row)

    def list(self) -> builtins.list[PipelineEndpoint]:
        """Every endpoint, by name."""
        with self._sessions() as session:
            rows = session.scalars(
                sa.select(PipelineEndpointRow).order_by(PipelineEndpointRow.name)
            )
            return [_record(session, row) for row in rows]

    def exists(self, name: str) -> bool:
        with self._sessions() as session:
            return _endpoint_row(session, name, missing_ok=True) is not None

    def set_default(self, name: str, version: int) -> PipelineEndpoint:
        """Make ``version`` the one a submission without a version runs."""
        with self._sessions.begin() as session:
            row = _endpoint_row(session, name)
            assert row is not None
            _record(session, row).version(version)  # NotFoundError for an unknown version
            row.default_version = version
            session.flush()
            return _record(session, row)

    def delete(self, name: str) -> None:
        """Forget the endpoint, its versions and its run records (the runs stay)."""
        with self._sessions.begin() as session:
            row = _endpoint_row(session, name)
            session.delete(row)

    def record_run(
        self,
        name: str,
        *,
        version: int,
        run_id: str,
        trigger: str,
        schedule_id: str | None = None,
        description: str = "",
        tags: dict[str, Any] | None = None,
    ) -> PipelineEndpointRun:
        if trigger not in TRIGGERS:
            raise ValueError(f"trigger must be one of {TRIGGERS}, not {trigger!r}")
        with self._sessions.begin() as session:
            endpoint = _endpoint_row(session, name)
            assert endpoint is not None
            row = PipelineEndpointRunRow(
                endpoint_id=endpoint.id,
                version=version,
                run_id=run_id,
                trigger=trigger,
                schedule_id=schedule_id,
                description=description,
                tags=dict(tags or {}),
            )
            session.add(row)
            session.flush()
            return _run_record(name, row)

    def runs(self, name: str, *, limit: int = 100) -> builtins.list[PipelineEndpointRun]:
        """Runs started through ``name``, newest first."""
        with self._sessions() as session:
            endpoint = _endpoint_row(session, name)
            assert endpoint is not None
            query = (
                sa.select(PipelineEndpointRunRow)
                .where(PipelineEndpointRunRow.endpoint_id == endpoint.id)
                .order_by(
                    PipelineEndpointRunRow.created_at.desc(), PipelineEndpointRunRow.id.desc()
                )
                .limit(limit)
            )
            return [_run_record(name, row) for row in session.scalars(query)]


def _check_name(name: str) -> None:
    if not name.strip() or len(name) > 256 or "/" in name:
        raise InvalidInputError(
            f"'{name}' cannot name a pipeline endpoint: use 1-256 characters without '/', "
            "e.g. 'score-customers'.",
            details={"endpoint": name},
        )


def _endpoint_row(
    session: Session, name: str, *, missing_ok: bool = False
) -> PipelineEndpointRow | None:
    row = session.scalars(
        sa.select(PipelineEndpointRow).where(PipelineEndpointRow.name == name)
    ).first()
    if row is None and not missing_ok:
        known = session.scalars(sa.select(PipelineEndpointRow.name).order_by("name")).all()
        raise NotFoundError(
            f"Pipeline endpoint '{name}' does not exist (pipeline endpoints: "
            f"{', '.join(known) or 'none'}). Publish a pipeline under this name first.",
            details={"endpoint": name},
        )
    return row


def _latest_version(session: Session, endpoint_id: int) -> int:
    query = sa.select(sa.func.max(PipelineEndpointVersionRow.version)).where(
        PipelineEndpointVersionRow.endpoint_id == endpoint_id
    )
    return int(session.scalar(query) or 0)


def _record(session: Session, row: PipelineEndpointRow) -> PipelineEndpoint:
    query = (
        sa.select(PipelineEndpointVersionRow)
        .where(PipelineEndpointVersionRow.endpoint_id == row.id)
        .order_by(PipelineEndpointVersionRow.version)
    )
    versions = tuple(
        PipelineEndpointVersion(
            version=v.version,
            pipeline_name=v.pipeline_name,
            pipeline_version=v.pipeline_version,
            document=v.document,
            created_at=v.created_at,
        )
        for v in session.scalars(query)
    )
    return PipelineEndpoint(
        name=row.name,
        description=row.description,
        default_version=row.default_version,
        versions=versions,
        created_at=row.created_at,
    )


def _run_record(name: str, row: PipelineEndpointRunRow) -> PipelineEndpointRun:
    return PipelineEndpointRun(
        endpoint=name,
        version=row.version,
        run_id=row.run_id,
        trigger=row.trigger,
        schedule_id=row.schedule_id,
        description=row.description,
        tags=dict(row.tags),
        created_at=row.created_at,
    )
