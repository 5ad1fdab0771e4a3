"""Opening the DuckDB database a SQL call names (a file path or an open connection), and
DuckDB's own errors turned into kumi errors that say what to fix."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from threading import Lock

import duckdb

from kumi.core.errors import InvalidInputError

Database = str | Path | duckdb.DuckDBPyConnection

# DuckDB shares one database instance among a process's connections to a file and drops it
# when the last one closes; a connect racing that close fails with "Unique file handle
# conflict". Opening and closing one at a time keeps concurrent requests apart.
_OPEN_CLOSE = Lock()


@contextmanager
def connected(database: Database) -> Iterator[duckdb.DuckDBPyConnection]:
    """An open connection: ``database`` itself, or the file it names (closed afterwards)."""
    if isinstance(database, duckdb.DuckDBPyConnection):
        yield database
        return
    try:
        with _OPEN_CLOSE:
            connection = duckdb.connect(str(database))
    except duckdb.Error as error:
        raise InvalidInputError(
            f"Cannot open the DuckDB database '{database}': {error}. Check the path, and that "
            "no other program holds the file open for writing.",
            details={"database": str(database)},
        ) from None
    try:
        yield connection
    finally:
        with _OPEN_CLOSE:
            connection.close()


def duckdb_failure(error: duckdb.Error, context: str) -> InvalidInputError:
    """``error`` from DuckDB as a kumi error prefixed with what was being done."""
    message = str(error).strip()
    return InvalidInputError(
        f"{context}: {message}. Fix the SQL (table and column names, types) and run it again.",
        details={"duckdb_error": type(error).__name__, "message": message},
    )
