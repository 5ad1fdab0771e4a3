"""The database a scoring wizard reads and writes: a DuckDB file or a PostgreSQL URL.
Lists its tables, reads their columns (with the kind of values each holds) and first rows."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import sqlalchemy as sa
from sqlalchemy.exc import SQLAlchemyError

from kumi.core.errors import InvalidInputError, NotFoundError
from kumi.core.readers import database_url_of
from kumi.scoring.sql.duckdb_connection import connected
from kumi.services.scoring_wizard.column_kinds import duckdb_kind, sqlalchemy_kind

POSTGRES_SCHEMES = ("postgresql://", "postgresql+psycopg://", "postgres://")
DUCKDB_SCHEMA = "main"
CONNECT_TIMEOUT_S = 5


@dataclass(frozen=True)
class Column:
    """A table column: its name, its SQL type as the database names it, and the kind of
    values it holds (number | boolean | text | datetime | other)."""

    name: str
    sql_type: str
    kind: str

    def to_dict(self) -> dict[str, str]:
        return {"name": self.name, "type": self.sql_type, "kind": self.kind}


def is_postgres(database: str) -> bool:
    """Whether ``database`` is a PostgreSQL URL (else: a DuckDB file path)."""
    return database.strip().lower().startswith(POSTGRES_SCHEMES)


def quoted(identifier: str) -> str:
    """``identifier`` as a double-quoted SQL identifier."""
    return '"' + identifier.replace('"', '""') + '"'


def list_tables(database: str) -> list[dict[str, str]]:
    """The tables and views of the database's default schema: ``{"name", "type"}``."""
    if is_postgres(database):
        with _postgres(database) as engine:
            inspector = sa.inspect(engine)
            tables = [{"name": n, "type": "table"} for n in inspector.get_table_names()]
            views = [{"name": n, "type": "view"} for n in inspector.get_view_names()]
        return sorted(tables + views, key=lambda t: t["name"])
    with duckdb_connection(database) as connection:
        rows = connection.execute(
            "SELECT table_name, table_type FROM information_schema.tables "
            "WHERE table_schema = ? ORDER BY table_name",
            [DUCKDB_SCHEMA],
        ).fetchall()
    return [{"name": name, "type": "view" if "VIEW" in kind else "table"} for name, kind in rows]


def table_columns(database: str, table: str) -> list[Column]:
    """The columns of ``table``; NotFoundError naming the tables there when it is missing."""
    require_table(database, table)
    if is_postgres(database):
        with _postgres(database) as engine:
            found = sa.inspect(engine).get_columns(table)
        return [Column(c["name"], str(c["type"]), sqlalchemy_kind(c["type"])) for c in found]
    with duckdb_connection(database) as connection:
        rows = connection.execute(
            "SELECT column_name, data_type FROM information_schema.columns "
            "WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position",
            [DUCKDB_SCHEMA, table],
        ).fetchall()
    return [Column(name, kind, duckdb_kind(kind)) for name, kind in rows]


def preview(database: str, table: str, rows: int = 20) -> pd.DataFrame:
    """The first ``rows`` rows of ``table``."""
    require_table(database, table)
    statement = f"SELECT * FROM {quoted(table)} LIMIT {int(rows)}"
    if is_postgres(database):
        with _postgres(database) as engine, engine.connect() as connection:
            return pd.read_sql_query(sa.text(statement), connection)
    with duckdb_connection(database) as connection:
        return connection.execute(statement).fetchdf()


def count_rows(database: str, table: str) -> int:
    """How many rows ``table`` holds."""
    statement = f"SELECT count(*) FROM {quoted(table)}"
    if is_postgres(database):
        with _postgres(database) as engine, engine.connect() as connection:
            return int(connection.execute(sa.text(statement)).scalar_one())
    with duckdb_connection(database) as connection:
        found = connection.execute(statement).fetchone()
    return int(found[0]) if found else 0


def require_table(database: str, table: str) -> None:
    """NotFoundError, naming the tables that exist, when ``table`` is not one of them."""
    names = [t["name"] for t in list_tables(database)]
    if table not in names:
        shown = ", ".join(names[:20]) or "none"
        raise NotFoundError(
            f"Table '{table}' is not in {shown_database(database)}; its tables: {shown}. "
            "Pick one of them.",
            details={"table": table, "tables": names},
        )


def shown_database(database: str) -> str:
    """``database`` as shown in messages (a URL without its password)."""
    if is_postgres(database):
        return database_url_of(database).render_as_string(hide_password=True)
    return database


@contextmanager
def duckdb_connection(database: str) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection to an existing DuckDB file; NotFoundError when there is none."""
    path = Path(database).expanduser()
    if not database.strip() or not path.is_file():
        raise NotFoundError(
            f"DuckDB database file '{database}' does not exist. Give the path of an existing "
            "file, or a postgresql:// URL.",
            details={"database": database},
        )
    with connected(path) as connection:
        yield connection


@contextmanager
def _postgres(database: str) -> Iterator[sa.Engine]:
    engine = sa.create_engine(
        database_url_of(database), connect_args={"connect_timeout": CONNECT_TIMEOUT_S}
    )
    try:
        with engine.connect():
            pass
        yield engine
    except SQLAlchemyError as exc:
        raise _unreachable(database, exc) from exc
    finally:
        engine.dispose()


def _unreachable(database: str, exc: Any) -> InvalidInputError:
    reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
    return InvalidInputError(
        f"Cannot read PostgreSQL database '{shown_database(database)}': {reason}. Check the "
        "URL (host, port, database, user, password) and that the server is running.",
        details={"database": shown_database(database)},
    )
