"""Real-time endpoints and their per-minute request metrics.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "endpoints",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(128), nullable=False, unique=True),
        sa.Column("pipeline", sa.String(256), nullable=False),
        sa.Column("document", sa.JSON(), nullable=False),
        sa.Column("signature", sa.JSON(), nullable=False),
        sa.Column("training_run_id", sa.String(64), nullable=True),
        sa.Column("model_name", sa.String(256), nullable=True),
        sa.Column("model_version", sa.Integer(), nullable=True),
        sa.Column("runtime", sa.String(16), nullable=False),
        sa.Column("runtime_reason", sa.Text(), nullable=False),
        sa.Column("primary_key", sa.String(128), nullable=False),
        sa.Column("secondary_key", sa.String(128), nullable=False),
        sa.Column("extra_columns", sa.String(16), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "endpoint_metrics",
        sa.Column("endpoint", sa.String(128), primary_key=True),
        sa.Column("minute", sa.DateTime(timezone=True), primary_key=True),
        sa.Column("requests", sa.Integer(), nullable=False),
        sa.Column("errors", sa.Integer(), nullable=False),
        sa.Column("latency_histogram", sa.JSON(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("endpoint_metrics")
    op.drop_table("endpoints")
