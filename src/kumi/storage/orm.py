"""SQLAlchemy ORM models of the metadata database (the Alembic migrations create them).

Rows never leave the repositories: they are turned into the immutable records of
:mod:`kumi.storage.records` before being returned.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator


class UtcDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC timestamp on every backend (SQLite drops the offset)."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        if value is None:
            return None
        aware = value if value.tzinfo else value.replace(tzinfo=UTC)
        return aware.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def utc_now() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    type_annotation_map = {
        datetime: UtcDateTime,
        float: sa.Float,
        dict[str, Any]: sa.JSON,
        list[Any]: sa.JSON,
    }


class DatasetRow(Base):
    __tablename__ = "datasets"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(128), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)


class DatasetVersionRow(Base):
    __tablename__ = "dataset_versions"
    __table_args__ = (sa.UniqueConstraint("dataset_id", "version", name="uq_dataset_version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    dataset_id: Mapped[int] = mapped_column(
        sa.ForeignKey("datasets.id", ondelete="CASCADE"), index=True
    )
    version: Mapped[int]
    description: Mapped[str] = mapped_column(sa.Text, default="")
    source: Mapped[str] = mapped_column(sa.Text, default="")
    artifact_key: Mapped[str] = mapped_column(sa.String(512))
    content_hash: Mapped[str] = mapped_column(sa.String(128))
    schema: Mapped[list[Any]]
    row_count: Mapped[int]
    created_at: Mapped[datetime] = mapped_column(default=utc_now)


class ExperimentRow(Base):
    __tablename__ = "experiments"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(256), unique=True)
    description: Mapped[str] = mapped_column(sa.Text, default="")
    mlflow_experiment_id: Mapped[str | None] = mapped_column(sa.String(64))
    created_at: Mapped[datetime] = mapped_column(default=utc_now)


class PipelineRow(Base):
    __tablename__ = "pipelines"
    __table_args__ = (sa.UniqueConstraint("name", "version", name="uq_pipeline_version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(256), index=True)
    version: Mapped[int]
    description: Mapped[str] = mapped_column(sa.Text, default="")
    document: Mapped[dict[str, Any]]
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(default=utc_now, onupdate=utc_now)


class RunRow(Base):
    __tablename__ = "runs"
    __table_args__ = (sa.Index("ix_runs_created_at", "created_at"),)

    id: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    experiment_id: Mapped[int] = mapped_column(sa.ForeignKey("experiments.id"), index=True)
    pipeline_name: Mapped[str | None] = mapped_column(sa.String(256), index=True)
    status: Mapped[str] = mapped_column(sa.String(32))
    error: Mapped[dict[str, Any] | None]
    metrics: Mapped[dict[str, Any]]
    mlflow_run_id: Mapped[str | None] = mapped_column(sa.String(64))
    regenerate: Mapped[Any] = mapped_column(sa.JSON, nullable=True)
    """None: reuse what can be reused; true: every step; a list: those nodes' steps."""
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    started_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]
    updated_at: Mapped[datetime] = mapped_column(default=utc_now, onupdate=utc_now)
    content: Mapped[RunContentRow] = relationship(
        lazy="joined", innerjoin=True, cascade="all, delete-orphan"
    )
    """The document and parameters, in their own table so listing runs reads small rows."""


class RunContentRow(Base):
    __tablename__ = "run_contents"

    run_id: Mapped[str] = mapped_column(
        sa.String(64), sa.ForeignKey("runs.id", ondelete="CASCADE"), primary_key=True
    )
    document: Mapped[dict[str, Any]]
    parameters: Mapped[dict[str, Any]]


class RunStepRow(Base):
    __tablename__ = "run_steps"
    __table_args__ = (sa.UniqueConstraint("run_id", "node_id", name="uq_run_step"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[str] = mapped_column(
        sa.String(64), sa.ForeignKey("runs.id", ondelete="CASCADE"), index=True
    )
    node_id: Mapped[str] = mapped_column(sa.String(256))
    component_id: Mapped[str] = mapped_column(sa.String(256))
    status: Mapped[str] = mapped_column(sa.String(32))
    cached: Mapped[bool] = mapped_column(default=False)
    reason: Mapped[str | None] = mapped_column(sa.Text)
    seconds: Mapped[float | None]
    cache_key: Mapped[str | None] = mapped_column(sa.String(128))
    outputs: Mapped[dict[str, Any]]
    error: Mapped[dict[str, Any] | None]
    log_key: Mapped[str | None] = mapped_column(sa.String(512))
    started_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]
    updated_at: Mapped[datetime] = mapped_column(default=utc_now, onupdate=utc_now)


class CacheEntryRow(Base):
    __tablename__ = "cache_entries"

    cache_key: Mapped[str] = mapped_column(sa.String(128), primary_key=True)
    outputs: Mapped[dict[str, Any]]
    source_run_id: Mapped[str] = mapped_column(sa.String(64))
    source_node_id: Mapped[str] = mapped_column(sa.String(256))
    seconds: Mapped[float]
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
