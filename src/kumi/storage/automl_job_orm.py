"""ORM model of AutoML jobs (migration 0006)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from kumi.storage.orm import Base, utc_now


class AutoMLJobRow(Base):
    __tablename__ = "automl_jobs"
    __table_args__ = (sa.Index("ix_automl_jobs_created_at", "created_at"),)

    id: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(256), unique=True)
    experiment: Mapped[str] = mapped_column(sa.String(256))
    dataset_name: Mapped[str] = mapped_column(sa.String(128))
    dataset_version: Mapped[int]
    target: Mapped[str] = mapped_column(sa.String(256))
    task: Mapped[str] = mapped_column(sa.String(32))
    settings: Mapped[dict[str, Any]]
    status: Mapped[str] = mapped_column(sa.String(32), index=True)
    runner: Mapped[str] = mapped_column(sa.String(256), default="")
    """``host:pid`` of the process that created or runs the job."""
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    started_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]
    progress: Mapped[dict[str, Any]]
    leaderboard: Mapped[list[Any]]
    result: Mapped[dict[str, Any] | None]
    error: Mapped[dict[str, Any] | None]
    mlflow_run_id: Mapped[str | None] = mapped_column(sa.String(64))
    model_ref: Mapped[dict[str, Any] | None]
    """The best model as a stored kumi trained model: ``{key, content_hash, port_type}``."""
    registered_model: Mapped[dict[str, Any] | None]
