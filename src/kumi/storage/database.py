"""The metadata database: engines (SQLite by default, PostgreSQL via psycopg 3), sessions,
programmatic Alembic upgrades, and a portable upsert."""

from __future__ import annotations

import contextlib
import functools
import sqlite3
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, Final

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import URL
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from kumi.core.errors import ConfigurationError
from kumi.core.readers import database_url_of

MIGRATIONS_DIR: Final = Path(__file__).parent / "migrations"
_MIGRATION_LOCK_KEY: Final = 0x6B756D69  # "kumi": PostgreSQL advisory lock held while migrating
_SQLITE_BEGIN: Final = "kumi_sqlite_begin"


def create_database_engine(database_url: str) -> sa.Engine:
    """An engine for ``database_url``; ``postgresql://`` uses psycopg 3. SQLite files get
    WAL journaling, foreign keys and a 30 s busy timeout so two processes can share one."""
    url = database_url_of(database_url)
    try:
        if url.get_backend_name() == "sqlite":
            return _sqlite_engine(url)
        return sa.create_engine(url, pool_pre_ping=True)
    except (ArgumentError, NoSuchModuleError, ImportError) as exc:
        extra = " (pip install 'kumi[postgres]')" if "postgres" in url.drivername else ""
        raise ConfigurationError(
            f"Cannot use metadata database '{_shown(url)}': {exc}. Check the URL and install "
            f"its driver{extra}.",
            details={"database_url": _shown(url)},
        ) from exc


def _sqlite_engine(url: URL) -> sa.Engine:
    if url.database and url.database != ":memory:":
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
    engine = sa.create_engine(url, connect_args={"timeout": 30})

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, record: Any) -> None:
        dbapi_connection.isolation_level = None  # SQLAlchemy's "begin" event starts transactions
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA busy_timeout = 30000")
        cursor.execute("PRAGMA foreign_keys = ON")
        if url.database and url.database != ":memory:":
            _switch_to_wal(cursor)
            cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(connection: sa.Connection) -> None:
        mode = connection.get_execution_options().get(_SQLITE_BEGIN, "")
        connection.exec_driver_sql(f"BEGIN {mode}".strip())

    return engine


def _switch_to_wal(cursor: Any, attempts: int = 100) -> None:
    """Turn on WAL journaling. Switching needs a moment alone with the file and SQLite
    answers "database is locked" at once, without its busy wait, while another process is
    setting up the same new file: retry for up to ~10 s."""
    for attempt in range(attempts):
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or attempt == attempts - 1:
                raise
            time.sleep(0.1)


class _Sessions(sessionmaker[Session]):
    """Sessions for reading (``sessions()``) and writing (``sessions.begin()``). On SQLite a
    writing transaction begins IMMEDIATE, taking the write lock at once: one that read
    first and then wrote while another connection had written would otherwise fail at once
    with "database is locked" instead of waiting its turn."""

    @contextlib.contextmanager
    def begin(self) -> Iterator[Session]:
        bind = self.kw["bind"]
        if bind.dialect.name == "sqlite":
            bind = bind.execution_options(**{_SQLITE_BEGIN: "IMMEDIATE"})
        options = {k: v for k, v in self.kw.items() if k != "bind"}
        with Session(bind=bind, **options) as session, session.begin():
            yield session


def session_factory(engine: sa.Engine) -> sessionmaker[Session]:
    """Sessions whose loaded rows stay readable after commit (see :class:`_Sessions`)."""
    return _Sessions(engine, expire_on_commit=False)


# -- migrations -----------------------------------------------------------------------------
@functools.cache
def head_revision() -> str:
    """The newest migration shipped with this version of kumi."""
    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


def upgrade_schema(engine: sa.Engine) -> str | None:
    """Bring the database to the newest schema; returns the revision found before (``None``
    for a fresh database). Cheap when already current; serialized between processes."""
    try:
        with engine.connect() as connection:
            found = _current_revision(connection)
        if found == head_revision():
            return found
        with engine.connect() as connection:
            connection.execution_options(**{_SQLITE_BEGIN: "IMMEDIATE"})
            with connection.begin():
                if connection.dialect.name == "postgresql":
                    lock = sa.text("SELECT pg_advisory_xact_lock(:key)")
                    connection.execute(lock, {"key": _MIGRATION_LOCK_KEY})
                found = _current_revision(connection)
                if found != head_revision():
                    command.upgrade(_alembic_config(connection), "head")
    except OperationalError as exc:
        url = engine.url.render_as_string(hide_password=True)
        raise ConfigurationError(
            f"Cannot open the metadata database '{url}': {str(exc.orig).strip()}. Check that "
            "the server is running and the URL, user and password are right.",
            details={"database_url": url},
        ) from exc
    return found


def _current_revision(connection: sa.Connection) -> str | None:
    revision = MigrationContext.configure(connection).get_current_revision()
    if revision is not None:
        try:
            ScriptDirectory.from_config(_alembic_config()).get_revision(revision)
        except CommandError as exc:
            raise ConfigurationError(
                f"The metadata database is at schema revision '{revision}', which this "
                "version of kumi does not know (it was written by a newer kumi). Upgrade "
                "kumi, or point KUMI_DATABASE_URL at another database.",
                details={"revision": revision},
            ) from exc
    return revision


def _alembic_config(connection: sa.Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


# -- helpers --------------------------------------------------------------------------------
def upsert(session: Session, table: sa.Table, values: dict[str, Any], keys: Sequence[str]) -> None:
    """Insert ``values`` or, when a row with the same ``keys`` exists, update it."""
    dialect = session.get_bind().dialect.name
    updates = {k: v for k, v in values.items() if k not in keys}
    if dialect in ("sqlite", "postgresql"):
        insert = sqlite.insert if dialect == "sqlite" else postgresql.insert
        statement = insert(table).values(**values)
        session.execute(statement.on_conflict_do_update(index_elements=keys, set_=updates))
        return
    match = sa.and_(*(table.c[k] == values[k] for k in keys))
    if session.execute(sa.select(table.c[keys[0]]).where(match)).first() is None:
        session.execute(sa.insert(table).values(**values))
    else:
        session.execute(sa.update(table).where(match).values(**updates))


def _shown(url: URL) -> str:
    return url.render_as_string(hide_password=True)
