"""The kind of values a database column holds, and whether it can feed a model input of a
given kind (number | text | datetime)."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

NUMBER, BOOLEAN, TEXT, DATETIME, OTHER = "number", "boolean", "text", "datetime", "other"

_DUCKDB_NUMBERS = (
    "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT",
    "UINTEGER", "UBIGINT", "UHUGEINT", "FLOAT", "REAL", "DOUBLE", "DECIMAL", "NUMERIC",
    "INT", "INT1", "INT2", "INT4", "INT8", "FLOAT4", "FLOAT8",
)  # fmt: skip
_DUCKDB_TEXT = ("VARCHAR", "TEXT", "STRING", "CHAR", "BPCHAR", "UUID", "ENUM")
_DUCKDB_TIMES = ("DATE", "TIMESTAMP", "DATETIME", "TIME")

OK, CONVERTED, MISMATCH = "ok", "converted", "mismatch"


@dataclass(frozen=True)
class Fit:
    """How a column feeds a model input: ``ok``, ``converted`` (it runs; ``note`` says how)
    or ``mismatch`` (it cannot run; ``note`` says why and what to do)."""

    status: str
    note: str = ""


def duckdb_kind(sql_type: str) -> str:
    """The kind of a DuckDB type name (``DECIMAL(10,2)``, ``TIMESTAMP WITH TIME ZONE`` ...)."""
    base = sql_type.upper().split("(", 1)[0].strip()
    if base in {"BOOLEAN", "BOOL"}:
        return BOOLEAN
    if base in _DUCKDB_NUMBERS:
        return NUMBER
    if base in _DUCKDB_TEXT:
        return TEXT
    if base.startswith(_DUCKDB_TIMES):
        return DATETIME
    return OTHER


def sqlalchemy_kind(sql_type: sa.types.TypeEngine[object]) -> str:
    """The kind of a column type read by SQLAlchemy's inspector."""
    if isinstance(sql_type, sa.Boolean):
        return BOOLEAN
    if isinstance(sql_type, sa.Numeric | sa.Float | sa.Integer):
        return NUMBER
    if isinstance(sql_type, sa.String | sa.Enum | sa.Uuid):
        return TEXT
    if isinstance(sql_type, sa.Date | sa.DateTime | sa.Time):
        return DATETIME
    return OTHER


def column_fit(input_kind: str, column_kind: str, model_input: str, column: str) -> Fit:
    """Whether table column ``column`` (of ``column_kind``) can feed model input
    ``model_input`` (of ``input_kind``)."""
    if input_kind == NUMBER:
        return _number_fit(column_kind, model_input, column)
    if input_kind == DATETIME:
        return _datetime_fit(column_kind, model_input, column)
    if column_kind == TEXT:
        return Fit(OK)
    return Fit(CONVERTED, f"Values of '{column}' ({column_kind}) are read as text.")


def _number_fit(column_kind: str, model_input: str, column: str) -> Fit:
    if column_kind in (NUMBER, BOOLEAN):
        return Fit(OK)
    return Fit(
        MISMATCH,
        f"Model input '{model_input}' takes numbers, but column '{column}' holds "
        f"{column_kind}; map a numeric column to it (or cast '{column}' in a view).",
    )


def _datetime_fit(column_kind: str, model_input: str, column: str) -> Fit:
    if column_kind == DATETIME:
        return Fit(OK)
    if column_kind == TEXT:
        return Fit(CONVERTED, f"ISO dates in '{column}' are read; other text counts as missing.")
    return Fit(
        MISMATCH,
        f"Model input '{model_input}' takes dates or times, but column '{column}' holds "
        f"{column_kind}; map a date or timestamp column to it.",
    )
