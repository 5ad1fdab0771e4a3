"""``PREDICT`` inside DuckDB: each clause of a statement is scored with the model's ONNX
graph (read from the database's kumi_models table, else the workspace registry) and
rewritten to ``data AS d POSITIONAL JOIN scores AS p``; the statement then runs in one
transaction, so a failing ``CREATE TABLE ... AS SELECT ... PREDICT`` writes nothing.
A model can also be registered on a connection as a plain vectorized scalar function."""

from __future__ import annotations

import inspect
import os
import re
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pyarrow as pa
from duckdb.func import FunctionNullHandling, PythonUDFType

from kumi.core.errors import InvalidInputError
from kumi.scoring.registered import ModelRef, RegisteredOnnx
from kumi.scoring.sql.arrow_features import (
    INPUT_SQL_TYPES,
    SQL_TYPES,
    match_columns,
    score_table,
)
from kumi.scoring.sql.duckdb_connection import Database, connected, duckdb_failure
from kumi.scoring.sql.duckdb_enrich import predict_sql_duckdb, score_duckdb_table
from kumi.scoring.sql.duckdb_models import resolve_model
from kumi.scoring.sql.predict_clause import PredictClause, find_predict, quote_identifier

__all__ = [
    "predict_sql_duckdb",
    "query",
    "register_model_function",
    "score_duckdb_table",
]

THREADS = max(1, min(4, os.cpu_count() or 1))
_POSITIONAL = inspect.Parameter.POSITIONAL_ONLY
_VIEW_STATEMENT = re.compile(r"^\s*CREATE\s+(OR\s+REPLACE\s+)?(TEMP\w*\s+)?VIEW\b", re.I)


@dataclass
class _Rewrite:
    """A statement with its PREDICT clauses replaced, and the Arrow tables it reads."""

    sql: str
    tables: dict[str, pa.Table] = field(default_factory=dict)


def query(sql: str, database: Database, workspace: Path | str | None = None) -> pd.DataFrame:
    """Run ``sql`` (PREDICT clauses allowed) on a DuckDB file or connection; the result rows
    as a DataFrame (empty for statements that return none)."""
    with connected(database) as connection:
        if find_predict(sql) is not None and _VIEW_STATEMENT.match(sql):
            raise InvalidInputError(
                "A view cannot hold PREDICT (its scores are computed when the statement runs); "
                "store them with CREATE TABLE name AS SELECT ... FROM PREDICT(...) instead.",
                details={"sql": sql},
            )
        rewrite = _rewrite(connection, sql, workspace)
        for name, table in rewrite.tables.items():
            connection.register(name, table)
        try:
            return _run_in_transaction(connection, rewrite.sql)
        finally:
            for name in rewrite.tables:
                connection.unregister(name)


def register_model_function(
    connection: duckdb.DuckDBPyConnection,
    model: RegisteredOnnx | str,
    *,
    workspace: Path | str | None = None,
    name: str | None = None,
    output: str = "Scored Labels",
) -> str:
    """Register ``model`` on ``connection`` as a vectorized scalar function taking the
    model's input columns in spec order and answering its ``output`` score column; returns
    the function's name (default ``predict_<model name>``)."""
    if isinstance(model, str):
        model = resolve_model(connection, ModelRef.parse(model), workspace)
    types = dict(model.output_columns)
    if output not in types:
        raise InvalidInputError(
            f"Model '{model.name}:{model.version}' has no score column '{output}'; pick one of "
            f"{', '.join(types)}.",
            details={"output": output, "outputs": list(types)},
        )
    function_name = name or "predict_" + re.sub(r"\W", "_", model.name).lower()
    parameters: list[Any] = [INPUT_SQL_TYPES[kind] for _, kind in model.input_columns]
    connection.create_function(
        function_name,
        _ModelFunction(model, output),
        parameters,
        SQL_TYPES[types[output]],
        type=PythonUDFType.ARROW,
        null_handling=FunctionNullHandling.SPECIAL,
    )
    return function_name


class _ModelFunction:
    """The Python side of a model's DuckDB function: Arrow input columns → one score column."""

    def __init__(self, model: RegisteredOnnx, output: str) -> None:
        self.model = model
        self.output = output
        self.inputs = [column for column, _ in model.input_columns]
        self.runner = model.runner(threads=1)
        # DuckDB counts the function's parameters from its signature
        self.__signature__ = inspect.Signature(
            [inspect.Parameter(f"input_{i}", _POSITIONAL) for i in range(len(self.inputs))]
        )

    def __call__(self, *arrays: pa.ChunkedArray) -> pa.Array:
        table = pa.table(dict(zip(self.inputs, arrays, strict=True)))
        matched = {column: column for column in self.inputs}
        return score_table(self.runner, self.model, table, matched)[self.output]


def _rewrite(
    connection: duckdb.DuckDBPyConnection, sql: str, workspace: Path | str | None
) -> _Rewrite:
    """``sql`` with every PREDICT clause (also inside DATA subqueries) scored and replaced."""
    rewrite = _Rewrite(sql)
    while (clause := find_predict(rewrite.sql)) is not None:
        data = _rewrite(connection, clause.data_sql, workspace)
        rewrite.tables.update(data.tables)
        relation = _scored_relation(connection, clause, data, workspace, rewrite.tables)
        start, end = clause.span
        rewrite.sql = f"{rewrite.sql[:start]}{relation} {rewrite.sql[end:]}"
    return rewrite


def _scored_relation(
    connection: duckdb.DuckDBPyConnection,
    clause: PredictClause,
    data: _Rewrite,
    workspace: Path | str | None,
    tables: dict[str, pa.Table],
) -> str:
    """Score the clause's data; the SQL relation ``data AS d POSITIONAL JOIN scores AS p``."""
    model = resolve_model(connection, clause.model, workspace)
    columns = _output_columns(connection, clause, model)
    rows = _materialize(connection, data)
    matched = match_columns(rows.schema, model, None)
    scores = _score_rows(model, rows, matched)
    suffix = uuid.uuid4().hex[:12]
    data_name, scores_name = f"__kumi_predict_data_{suffix}", f"__kumi_predict_scores_{suffix}"
    tables[data_name] = rows
    tables[scores_name] = pa.table({name: scores[name] for name, _ in columns})
    typed = ", ".join(
        f"CAST({quote_identifier(name)} AS {sql_type}) AS {quote_identifier(name)}"
        for name, sql_type in columns
    )
    return (
        f"{data_name} AS {quote_identifier(clause.data_alias)} POSITIONAL JOIN "
        f"(SELECT {typed} FROM {scores_name}) AS {quote_identifier(clause.alias)}"
    )


def _output_columns(
    connection: duckdb.DuckDBPyConnection, clause: PredictClause, model: RegisteredOnnx
) -> list[tuple[str, str]]:
    """The score columns to return with their SQL types: WITH's, checked, or the spec's."""
    produced = dict(model.output_columns)
    if clause.with_columns is None:
        return [(name, SQL_TYPES[kind]) for name, kind in produced.items()]
    columns = []
    for name, sql_type in clause.with_columns:
        found = next((p for p in produced if p.lower() == name.lower()), None)
        if found is None:
            raise InvalidInputError(
                f"WITH names '{name}', which model '{model.name}:{model.version}' does not "
                f"produce; it produces {', '.join(repr(p) for p in produced)}.",
                details={"column": name, "outputs": list(produced)},
            )
        _check_sql_type(connection, name, sql_type)
        columns.append((found, sql_type))
    return columns


def _check_sql_type(connection: duckdb.DuckDBPyConnection, name: str, sql_type: str) -> None:
    try:
        connection.execute(f"SELECT CAST(NULL AS {sql_type})").fetchall()
    except duckdb.Error as error:
        raise InvalidInputError(
            f"WITH gives column '{name}' the type '{sql_type}', which DuckDB does not know "
            f"({error}); use e.g. DOUBLE, BIGINT, BOOLEAN or VARCHAR.",
            details={"column": name, "type": sql_type},
        ) from None


def _materialize(connection: duckdb.DuckDBPyConnection, data: _Rewrite) -> pa.Table:
    """The DATA rows, read once (so scores line up with them row by row)."""
    for name, table in data.tables.items():
        connection.register(name, table)
    try:
        return connection.sql(f"SELECT * FROM {data.sql} AS kumi_data").to_arrow_table()
    except duckdb.Error as error:
        raise duckdb_failure(error, f"PREDICT could not read its DATA ({data.sql})") from None
    finally:
        for name in data.tables:
            connection.unregister(name)


def _score_rows(
    model: RegisteredOnnx, rows: pa.Table, matched: dict[str, str], batch_rows: int = 1 << 17
) -> dict[str, pa.ChunkedArray]:
    runner = model.runner(threads=THREADS)
    parts: dict[str, list[pa.Array]] = {name: [] for name, _ in model.output_columns}
    for offset in range(0, max(rows.num_rows, 1), batch_rows):
        for name, values in score_table(
            runner, model, rows.slice(offset, batch_rows), matched
        ).items():
            parts[name].append(values)
    return {name: pa.chunked_array(chunks) for name, chunks in parts.items()}


def _run_in_transaction(connection: duckdb.DuckDBPyConnection, sql: str) -> pd.DataFrame:
    """Run ``sql`` in its own transaction (joining the caller's when one is open)."""
    try:
        connection.begin()
        owned = True
    except duckdb.TransactionException:
        owned = False
    try:
        result = connection.execute(sql)
        frame = result.df() if result.description else pd.DataFrame(result.fetchall())
    except duckdb.Error as error:
        if owned:
            connection.rollback()
        raise duckdb_failure(error, "The query failed") from None
    if owned:
        connection.commit()
    return frame
