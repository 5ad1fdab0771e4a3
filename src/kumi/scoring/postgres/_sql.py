"""Quoting and typing helpers shared by the PostgreSQL scoring modules."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from kumi.core.errors import InvalidInputError

SQL_TYPES = {
    "double": "double precision",
    "bigint": "bigint",
    "boolean": "boolean",
    "text": "text",
}

_SPELLINGS = {"double": "double precision", "float": "double precision", "string": "text"}
"""Type names of other SQL dialects (DuckDB, Synapse) that PostgreSQL spells differently."""


def postgres_spelling(written: str) -> str:
    """A WITH clause's type as PostgreSQL names it (``DOUBLE`` → ``double precision``)."""
    return _SPELLINGS.get(written.strip().lower(), written)


def quote_identifier(name: str) -> str:
    """``name`` as a double-quoted SQL identifier."""
    return '"' + name.replace('"', '""') + '"'


def quote_literal(text: str) -> str:
    """``text`` as a single-quoted SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def qualified_table(table: str) -> str:
    """A table written ``name`` or ``schema.name`` as quoted SQL; text that already holds
    double quotes is taken as written."""
    written = table.strip()
    if not written:
        raise InvalidInputError(
            "No table was named; give the table to score, e.g. 'public.loans'.",
            details={"table": table},
        )
    if '"' in written:
        return written
    return ".".join(quote_identifier(part) for part in written.split("."))


def split_table(table: str) -> tuple[str | None, str]:
    """(schema or None, name) of a table written ``name`` or ``schema.name``."""
    written = table.strip().replace('"', "")
    schema, dot, name = written.rpartition(".")
    return (schema if dot else None), name


def sql_type(score_type: str) -> str:
    """The PostgreSQL type of a score column typed double | bigint | boolean | text."""
    return SQL_TYPES.get(score_type, "text")


def sqlalchemy_type(score_type: str) -> sa.types.TypeEngine[Any]:
    """The SQLAlchemy column type of a score column."""
    types: dict[str, sa.types.TypeEngine[Any]] = {
        "double": sa.Double(),
        "bigint": sa.BigInteger(),
        "boolean": sa.Boolean(),
    }
    return types.get(score_type, sa.Text())
