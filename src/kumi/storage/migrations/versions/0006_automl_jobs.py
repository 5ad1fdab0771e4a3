"""AutoML jobs: settings, status, live progress and leaderboard, result and best model.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def _timestamp(name: str, nullable: bool = False) -> sa.Column[object]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "automl_jobs",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("name", sa.String(256), nullable=False, unique=True),
        sa.Column("experiment", sa.String(256), nullable=False),
        sa.Column("dataset_name", sa.String(128), nullable=False),
        sa.Column("dataset_version", sa.Integer(), nullable=False),
        sa.Column("target", sa.String(256), nullable=False),
        sa.Column("task", sa.String(32), nullable=False),
        sa.Column("settings", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(32), nullable=False, index=True),
        sa.Column("runner", sa.String(256), nullable=False),
        _timestamp("created_at"),
        _timestamp("started_at", nullable=True),
        _timestamp("finished_at", nullable=True),
        sa.Column("progress", sa.JSON(), nullable=False),
        sa.Column("leaderboard", sa.JSON(), nullable=False),
        sa.Column("result", sa.JSON(), nullable=True),
        sa.Column("error", sa.JSON(), nullable=True),
        sa.Column("mlflow_run_id", sa.String(64), nullable=True),
        sa.Column("model_ref", sa.JSON(), nullable=True),
        sa.Column("registered_model", sa.JSON(), nullable=True),
    )
    op.create_index("ix_automl_jobs_created_at", "automl_jobs", ["created_at"])


def downgrade() -> None:
    op.drop_index("ix_automl_jobs_created_at", table_name="automl_jobs")
    op.drop_table("automl_jobs")
