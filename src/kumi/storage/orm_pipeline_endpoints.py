"""ORM models of pipeline endpoints, their versions and runs, and schedules (migration 0005)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from kumi.storage.orm import Base, utc_now


class PipelineEndpointRow(Base):
    __tablename__ = "pipeline_endpoints"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(256), unique=True)
    description: Mapped[str] = mapped_column(sa.Text, default="")
    default_version: Mapped[int]
    created_at: Mapped[datetime] = mapped_column(default=utc_now)


class PipelineEndpointVersionRow(Base):
    __tablename__ = "pipeline_endpoint_versions"
    __table_args__ = (
        sa.UniqueConstraint("endpoint_id", "version", name="uq_pipeline_endpoint_version"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    endpoint_id: Mapped[int] = mapped_column(
        sa.ForeignKey("pipeline_endpoints.id", ondelete="CASCADE"), index=True
    )
    version: Mapped[int]
    pipeline_name: Mapped[str] = mapped_column(sa.String(256))
    pipeline_version: Mapped[int | None]
    document: Mapped[dict[str, Any]]
    created_at: Mapped[datetime] = mapped_column(default=utc_now)


class PipelineEndpointRunRow(Base):
    __tablename__ = "pipeline_endpoint_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    endpoint_id: Mapped[int] = mapped_column(
        sa.ForeignKey("pipeline_endpoints.id", ondelete="CASCADE"), index=True
    )
    version: Mapped[int]
    run_id: Mapped[str] = mapped_column(sa.String(64), unique=True)
    trigger: Mapped[str] = mapped_column(sa.String(16))
    schedule_id: Mapped[str | None] = mapped_column(sa.String(32))
    description: Mapped[str] = mapped_column(sa.Text, default="")
    tags: Mapped[dict[str, Any]]
    created_at: Mapped[datetime] = mapped_column(default=utc_now)


class ScheduleRow(Base):
    __tablename__ = "schedules"

    id: Mapped[str] = mapped_column(sa.String(32), primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(256))
    endpoint: Mapped[str] = mapped_column(sa.String(256), index=True)
    version: Mapped[int | None]
    cron: Mapped[str] = mapped_column(sa.String(256))
    timezone: Mapped[str] = mapped_column(sa.String(64))
    parameter_assignments: Mapped[dict[str, Any]]
    experiment_name: Mapped[str | None] = mapped_column(sa.String(256))
    paused: Mapped[bool] = mapped_column(default=False)
    last_run_at: Mapped[datetime | None]
    last_run_id: Mapped[str | None] = mapped_column(sa.String(64))
    next_run_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
