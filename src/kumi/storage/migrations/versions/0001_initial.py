"""Initial schema: datasets, experiments, pipelines, runs, run steps, cache entries.

Revision ID: 0001
Revises:
Create Date: 2025-01-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

TIMESTAMP = sa.DateTime(timezone=True)

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _created_at() -> sa.Column[object]:
    return sa.Column("created_at", TIMESTAMP, nullable=False)


def upgrade() -> None:
    _create_datasets()
    _create_experiments_and_pipelines()
    _create_runs()
    op.create_table(
        "cache_entries",
        sa.Column("cache_key", sa.String(128), primary_key=True),
        sa.Column("outputs", sa.JSON(), nullable=False),
        sa.Column("source_run_id", sa.String(64), nullable=False),
        sa.Column("source_node_id", sa.String(256), nullable=False),
        sa.Column("seconds", sa.Float(), nullable=False),
        _created_at(),
    )


def _create_datasets() -> None:
    op.create_table(
        "datasets",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(128), nullable=False, unique=True),
        _created_at(),
    )
    op.create_table(
        "dataset_versions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "dataset_id",
            sa.Integer(),
            sa.ForeignKey("datasets.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("artifact_key", sa.String(512), nullable=False),
        sa.Column("content_hash", sa.String(128), nullable=False),
        sa.Column("schema", sa.JSON(), nullable=False),
        sa.Column("row_count", sa.Integer(), nullable=False),
        _created_at(),
        sa.UniqueConstraint("dataset_id", "version", name="uq_dataset_version"),
    )
    op.create_index("ix_dataset_versions_dataset_id", "dataset_versions", ["dataset_id"])


def _create_experiments_and_pipelines() -> None:
    op.create_table(
        "experiments",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(256), nullable=False, unique=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("mlflow_experiment_id", sa.String(64), nullable=True),
        _created_at(),
    )
    op.create_table(
        "pipelines",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(256), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("document", sa.JSON(), nullable=False),
        _created_at(),
        sa.Column("updated_at", TIMESTAMP, nullable=False),
        sa.UniqueConstraint("name", "version", name="uq_pipeline_version"),
    )
    op.create_index("ix_pipelines_name", "pipelines", ["name"])


def _create_runs() -> None:
    op.create_table(
        "runs",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("experiment_id", sa.Integer(), sa.ForeignKey("experiments.id"), nullable=False),
        sa.Column("pipeline_name", sa.String(256), nullable=True),
        sa.Column("document", sa.JSON(), nullable=False),
        sa.Column("parameters", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("error", sa.JSON(), nullable=True),
        sa.Column("metrics", sa.JSON(), nullable=False),
        sa.Column("mlflow_run_id", sa.String(64), nullable=True),
        _created_at(),
        sa.Column("started_at", TIMESTAMP, nullable=True),
        sa.Column("finished_at", TIMESTAMP, nullable=True),
        sa.Column("updated_at", TIMESTAMP, nullable=False),
    )
    op.create_index("ix_runs_created_at", "runs", ["created_at"])
    op.create_index("ix_runs_experiment_id", "runs", ["experiment_id"])
    op.create_index("ix_runs_pipeline_name", "runs", ["pipeline_name"])
    op.create_table(
        "run_steps",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "run_id", sa.String(64), sa.ForeignKey("runs.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("node_id", sa.String(256), nullable=False),
        sa.Column("component_id", sa.String(256), nullable=False),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("cached", sa.Boolean(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("seconds", sa.Float(), nullable=True),
        sa.Column("cache_key", sa.String(128), nullable=True),
        sa.Column("outputs", sa.JSON(), nullable=False),
        sa.Column("error", sa.JSON(), nullable=True),
        sa.Column("log_key", sa.String(512), nullable=True),
        sa.Column("started_at", TIMESTAMP, nullable=True),
        sa.Column("finished_at", TIMESTAMP, nullable=True),
        sa.Column("updated_at", TIMESTAMP, nullable=False),
        sa.UniqueConstraint("run_id", "node_id", name="uq_run_step"),
    )
    op.create_index("ix_run_steps_run_id", "run_steps", ["run_id"])


def downgrade() -> None:
    for table in ("run_steps", "runs", "pipelines", "experiments", "dataset_versions"):
        op.drop_table(table)
    op.drop_table("cache_entries")
    op.drop_table("datasets")
