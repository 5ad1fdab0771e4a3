"""Run a user's SQL script on in-memory tables with DuckDB, with no file or network access."""

from __future__ import annotations

from collections.abc import Mapping

import duckdb
import pandas as pd

from kumi.core import InvalidParameterError

_FORBIDDEN = {
    duckdb.StatementType.ATTACH: "ATTACH",
    duckdb.StatementType.DETACH: "DETACH",
    duckdb.StatementType.COPY: "COPY",
    duckdb.StatementType.COPY_DATABASE: "COPY DATABASE",
    duckdb.StatementType.EXPORT: "EXPORT DATABASE",
    duckdb.StatementType.LOAD: "INSTALL/LOAD",
    duckdb.StatementType.EXTENSION: "extension management",
}
_SANDBOX_CONFIG = {
    "enable_external_access": False,
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "python_enable_replacements": False,
    "threads": 2,
}
_PARAMETER = "sql_query_script"


def run_sql(tables: Mapping[str, pd.DataFrame], script: str) -> pd.DataFrame:
    """Run the ``;``-separated ``script`` with ``tables`` registered by name and return the
    result of its last statement that returns rows."""
    if not script.strip():
        raise _sql_error("The SQL script is empty. Write a query such as 'SELECT * FROM t1;'.")
    connection = duckdb.connect(":memory:", config=dict(_SANDBOX_CONFIG))
    try:
        for name, frame in tables.items():
            connection.register(name, frame)
        connection.execute("SET lock_configuration = true")
        return _execute_all(connection, script)
    finally:
        connection.close()


def _execute_all(connection: duckdb.DuckDBPyConnection, script: str) -> pd.DataFrame:
    try:
        statements = connection.extract_statements(script)
    except duckdb.Error as exc:
        raise _sql_error(f"The SQL script does not parse: {_first_line(exc)}") from None
    result: pd.DataFrame | None = None
    for statement in statements:
        _check_allowed(statement)
        try:
            cursor = connection.execute(statement.query)
            if cursor.description is not None and statement.type == duckdb.StatementType.SELECT:
                result = cursor.df()
        except duckdb.PermissionException:
            raise _no_external_access() from None
        except duckdb.Error as exc:
            raise _sql_error(
                f"The SQL statement '{_short(statement.query)}' failed: {_first_line(exc)}"
            ) from None
    if result is None:
        raise _sql_error(
            "The SQL script returns no rows; end it with a SELECT statement (e.g. "
            "'SELECT * FROM t1;')."
        )
    return result


def _check_allowed(statement: duckdb.Statement) -> None:
    kind = _FORBIDDEN.get(statement.type)
    text = statement.query.strip().upper()
    if kind is None and text.startswith(("IMPORT", "INSTALL", "LOAD")):
        kind = text.split()[0]
    if kind is not None:
        raise _no_external_access(kind)


def _no_external_access(kind: str = "") -> InvalidParameterError:
    what = f"run {kind} statements or " if kind else ""
    return _sql_error(
        f"Apply SQL Transformation cannot {what}reach files, URLs, other databases or "
        "extensions. Query only the input tables t1, t2 and t3; bring other data in with "
        "Import Data and connect it to an input."
    )


def _sql_error(message: str) -> InvalidParameterError:
    return InvalidParameterError(message, details={"parameter": _PARAMETER})


def _short(query: str) -> str:
    flat = " ".join(query.split())
    return flat if len(flat) <= 80 else f"{flat[:77]}..."


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]
