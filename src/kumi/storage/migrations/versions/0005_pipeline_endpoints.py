"""Pipeline endpoints (published, versioned pipelines), the runs they started, and schedules.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def _timestamp(name: str, nullable: bool = False) -> sa.Column[object]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "pipeline_endpoints",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(256), nullable=False, unique=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("default_version", sa.Integer(), nullable=False),
        _timestamp("created_at"),
    )
    op.create_table(
        "pipeline_endpoint_versions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "endpoint_id",
            sa.Integer(),
            sa.ForeignKey("pipeline_endpoints.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("pipeline_name", sa.String(256), nullable=False),
        sa.Column("pipeline_version", sa.Integer(), nullable=True),
        sa.Column("document", sa.JSON(), nullable=False),
        _timestamp("created_at"),
        sa.UniqueConstraint("endpoint_id", "version", name="uq_pipeline_endpoint_version"),
    )
    op.create_table(
        "pipeline_endpoint_runs",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "endpoint_id",
            sa.Integer(),
            sa.ForeignKey("pipeline_endpoints.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.String(64), nullable=False, unique=True),
        sa.Column("trigger", sa.String(16), nullable=False),
        sa.Column("schedule_id", sa.String(32), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("tags", sa.JSON(), nullable=False),
        _timestamp("created_at"),
    )
    op.create_table(
        "schedules",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("name", sa.String(256), nullable=False),
        sa.Column("endpoint", sa.String(256), nullable=False, index=True),
        sa.Column("version", sa.Integer(), nullable=True),
        sa.Column("cron", sa.String(256), nullable=False),
        sa.Column("timezone", sa.String(64), nullable=False),
        sa.Column("parameter_assignments", sa.JSON(), nullable=False),
        sa.Column("experiment_name", sa.String(256), nullable=True),
        sa.Column("paused", sa.Boolean(), nullable=False),
        _timestamp("last_run_at", nullable=True),
        sa.Column("last_run_id", sa.String(64), nullable=True),
        _timestamp("next_run_at", nullable=True),
        _timestamp("created_at"),
    )


def downgrade() -> None:
    op.drop_table("schedules")
    op.drop_table("pipeline_endpoint_runs")
    op.drop_table("pipeline_endpoint_versions")
    op.drop_table("pipeline_endpoints")
