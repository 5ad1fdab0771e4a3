"""Alembic environment of the kumi metadata database.

kumi runs migrations programmatically (:func:`kumi.storage.database.upgrade_schema`) and
passes an open connection in ``config.attributes["connection"]``. For hand-run commands
(``alembic -c .../alembic.ini revision --autogenerate``) it connects to ``KUMI_DATABASE_URL``.
"""

from __future__ import annotations

import os

import sqlalchemy as sa
from alembic import context

from kumi.storage.database import create_database_engine
from kumi.storage.orm import Base

config = context.config
target_metadata = Base.metadata


def _run(connection: sa.Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = os.environ.get("KUMI_DATABASE_URL", "sqlite:///kumi-workspace/kumi.db")
    engine = create_database_engine(url)
    with engine.connect() as fresh:
        _run(fresh)
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("kumi migrations run online only; set KUMI_DATABASE_URL and retry.")
run_migrations_online()
