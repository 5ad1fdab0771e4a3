"""Run documents and parameters move to their own table, so listing runs reads small rows.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "run_contents",
        sa.Column(
            "run_id",
            sa.String(64),
            sa.ForeignKey("runs.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("document", sa.JSON(), nullable=False),
        sa.Column("parameters", sa.JSON(), nullable=False),
    )
    op.execute(
        "INSERT INTO run_contents (run_id, document, parameters) "
        "SELECT id, document, parameters FROM runs"
    )
    # Plain ALTER TABLE (SQLite >= 3.35, PostgreSQL): a batch copy of "runs" would drop
    # the old table, and with foreign keys on SQLite deletes the rows that reference it.
    op.execute("ALTER TABLE runs DROP COLUMN document")
    op.execute("ALTER TABLE runs DROP COLUMN parameters")


def downgrade() -> None:
    op.add_column("runs", sa.Column("document", sa.JSON(), nullable=True))
    op.add_column("runs", sa.Column("parameters", sa.JSON(), nullable=True))
    op.execute(
        "UPDATE runs SET document = (SELECT document FROM run_contents "
        "WHERE run_contents.run_id = runs.id), parameters = (SELECT parameters "
        "FROM run_contents WHERE run_contents.run_id = runs.id)"
    )
    op.drop_table("run_contents")
