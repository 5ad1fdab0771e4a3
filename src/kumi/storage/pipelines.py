"""Saved pipeline documents: every save with changed content is a new immutable version."""

from __future__ import annotations

import builtins
import json
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from kumi.core.errors import InvalidInputError, NotFoundError
from kumi.storage.orm import PipelineRow, utc_now
from kumi.storage.records import Pipeline

_ATTEMPTS = 5


class PipelineRepository:
    """Saves, finds and lists pipeline documents (JSON-compatible dicts)."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def save(self, name: str, document: dict[str, Any], *, description: str = "") -> Pipeline:
        """Store ``document`` as the next version of ``name``; a document equal to the latest
        version only updates the description (when given) and returns that version."""
        _check(name, document)
        for attempt in range(_ATTEMPTS):
            try:
                with self._sessions.begin() as session:
                    latest = _latest_row(session, name)
                    if latest is not None and _canonical(latest.document) == _canonical(document):
                        if description and description != latest.description:
                            latest.description = description
                            latest.updated_at = utc_now()
                        return _record(latest)
                    version = (latest.version if latest else 0) + 1
                    row = PipelineRow(
                        name=name, version=version, description=description, document=document
                    )
                    session.add(row)
                    session.flush()
                    return _record(row)
            except IntegrityError:
                if attempt == _ATTEMPTS - 1:
                    raise
        raise AssertionError("unreachable")

    def get(self, name: str, version: int | None = None) -> Pipeline:
        """A version of ``name`` (the latest when ``version`` is None)."""
        with self._sessions() as session:
            query = sa.select(PipelineRow).where(PipelineRow.name == name)
            if version is not None:
                query = query.where(PipelineRow.version == version)
            row = session.scalars(query.order_by(PipelineRow.version.desc())).first()
            if row is None:
                what = f"'{name}'" + (f" version {version}" if version is not None else "")
                raise NotFoundError(
                    f"Pipeline {what} does not exist. Saved pipelines: "
                    f"{', '.join(self.names()) or 'none'}.",
                    details={"pipeline": name, "version": version},
                )
            return _record(row)

    def versions(self, name: str) -> builtins.list[Pipeline]:
        """Every version of ``name``, oldest first."""
        with self._sessions() as session:
            query = sa.select(PipelineRow).where(PipelineRow.name == name)
            return [_record(r) for r in session.scalars(query.order_by(PipelineRow.version))]

    def list(self) -> builtins.list[Pipeline]:
        """The latest version of every pipeline, by name."""
        newest = (
            sa.select(PipelineRow.name, sa.func.max(PipelineRow.version).label("v"))
            .group_by(PipelineRow.name)
            .subquery()
        )
        query = (
            sa.select(PipelineRow)
            .join(
                newest,
                sa.and_(newest.c.name == PipelineRow.name, newest.c.v == PipelineRow.version),
            )
            .order_by(PipelineRow.name)
        )
        with self._sessions() as session:
            return [_record(row) for row in session.scalars(query)]

    def names(self) -> builtins.list[str]:
        with self._sessions() as session:
            query = sa.select(PipelineRow.name).distinct().order_by(PipelineRow.name)
            return list(session.scalars(query))

    def delete(self, name: str) -> None:
        """Remove every version of ``name``; NotFoundError if unknown."""
        with self._sessions.begin() as session:
            result = session.execute(sa.delete(PipelineRow).where(PipelineRow.name == name))
            if not result.rowcount:  # type: ignore[attr-defined]
                raise NotFoundError(
                    f"Pipeline '{name}' does not exist.", details={"pipeline": name}
                )


def _check(name: str, document: dict[str, Any]) -> None:
    if not name.strip() or len(name) > 256:
        raise InvalidInputError(
            "A pipeline name must have 1-256 characters; pass a name such as 'credit-approval'.",
            details={"pipeline": name},
        )
    try:
        json.dumps(document, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise InvalidInputError(
            f"Pipeline '{name}' is not a JSON document: {exc}. Pass the document as plain "
            "dicts, lists, strings, numbers and booleans (e.g. PipelineDocument.model_dump("
            "mode='json')).",
            details={"pipeline": name},
        ) from exc


def _canonical(document: dict[str, Any]) -> str:
    return json.dumps(document, sort_keys=True, separators=(",", ":"))


def _latest_row(session: Session, name: str) -> PipelineRow | None:
    query = sa.select(PipelineRow).where(PipelineRow.name == name)
    return session.scalars(query.order_by(PipelineRow.version.desc())).first()


def _record(row: PipelineRow) -> Pipeline:
    return Pipeline(
        name=row.name,
        version=row.version,
        description=row.description,
        document=row.document,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )
