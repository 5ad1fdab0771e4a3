"""ORM models of real-time endpoints and their request metrics (migration 0004)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from kumi.storage.orm import Base, utc_now


class EndpointRow(Base):
    __tablename__ = "endpoints"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(128), unique=True)
    pipeline: Mapped[str] = mapped_column(sa.String(256))
    document: Mapped[dict[str, Any]]
    signature: Mapped[dict[str, Any]]
    training_run_id: Mapped[str | None] = mapped_column(sa.String(64))
    model_name: Mapped[str | None] = mapped_column(sa.String(256))
    model_version: Mapped[int | None]
    runtime: Mapped[str] = mapped_column(sa.String(16))
    runtime_reason: Mapped[str] = mapped_column(sa.Text, default="")
    primary_key: Mapped[str] = mapped_column(sa.String(128))
    secondary_key: Mapped[str] = mapped_column(sa.String(128))
    extra_columns: Mapped[str] = mapped_column(sa.String(16), default="ignore")
    description: Mapped[str] = mapped_column(sa.Text, default="")
    status: Mapped[str] = mapped_column(sa.String(32), default="healthy")
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(default=utc_now, onupdate=utc_now)


class EndpointMetricRow(Base):
    __tablename__ = "endpoint_metrics"

    endpoint: Mapped[str] = mapped_column(sa.String(128), primary_key=True)
    minute: Mapped[datetime] = mapped_column(primary_key=True)
    requests: Mapped[int]
    errors: Mapped[int]
    latency_histogram: Mapped[dict[str, Any]]
