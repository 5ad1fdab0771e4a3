"""Write an enriched copy of a DuckDB table (its rows plus score columns) as the scoring
wizard does, and the equivalent PREDICT statement a person can re-run by hand."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

import duckdb
import pyarrow as pa

from kumi.scoring.registered import RegisteredOnnx
from kumi.scoring.sql.arrow_features import match_columns, score_table
from kumi.scoring.sql.duckdb_connection import connected, duckdb_failure
from kumi.scoring.sql.predict_clause import quote_identifier

BATCH_ROWS = 65_536
Progress = Callable[[int, int], None]


def score_duckdb_table(
    database: str | Path | duckdb.DuckDBPyConnection,
    source_table: str,
    model: RegisteredOnnx,
    mapping: Mapping[str, str],
    target: str,
    *,
    score_columns: list[str] | None = None,
    on_progress: Progress | None = None,
) -> int:
    """Score every row of ``source_table`` (model input column → table column by
    ``mapping``; unmapped inputs by name) and replace ``target`` with the rows plus the
    score columns, atomically; the number of rows written."""
    outputs = [name for name, _ in model.chosen_outputs(score_columns)]
    with connected(database) as connection:
        rows = _read_table(connection, source_table)
        matched = match_columns(rows.schema, model, mapping)
        scores = _scores_in_batches(model, rows, matched, outputs, on_progress)
        kept = [name for name in rows.column_names if name not in outputs]
        enriched = pa.table(
            {**{name: rows.column(name) for name in kept}, **scores}  # scores replace old ones
        )
        _replace_table(connection, target, enriched)
    return enriched.num_rows


def predict_sql_duckdb(model_ref: str, source_table: str, mapping: Mapping[str, str]) -> str:
    """The PREDICT statement scoring ``source_table`` with ``model_ref``; mapped columns
    are renamed to the model's input names in a subquery."""
    renamed = {model: table for model, table in mapping.items() if model != table}
    source = quote_identifier(source_table)
    if renamed:
        aliases = ", ".join(
            f"{quote_identifier(table)} AS {quote_identifier(model)}"
            for model, table in renamed.items()
        )
        source = f"(SELECT *, {aliases} FROM {source})"
    model_literal = model_ref.replace("'", "''")
    return f"SELECT d.*, p.*\nFROM PREDICT(MODEL = '{model_literal}', DATA = {source} AS d) AS p"


def _read_table(connection: duckdb.DuckDBPyConnection, table: str) -> pa.Table:
    try:
        return connection.sql(f"SELECT * FROM {quote_identifier(table)}").to_arrow_table()
    except duckdb.Error as error:
        raise duckdb_failure(error, f"Cannot read table '{table}'") from None


def _scores_in_batches(
    model: RegisteredOnnx,
    rows: pa.Table,
    matched: dict[str, str],
    outputs: list[str],
    on_progress: Progress | None,
) -> dict[str, pa.ChunkedArray]:
    runner = model.runner()
    parts: dict[str, list[pa.Array]] = {name: [] for name in outputs}
    total = rows.num_rows
    for offset in range(0, max(total, 1), BATCH_ROWS):
        scores = score_table(runner, model, rows.slice(offset, BATCH_ROWS), matched)
        for name in outputs:
            parts[name].append(scores[name])
        if on_progress is not None:
            on_progress(min(offset + BATCH_ROWS, total), total)
    return {name: pa.chunked_array(chunks) for name, chunks in parts.items()}


def _replace_table(connection: duckdb.DuckDBPyConnection, target: str, table: pa.Table) -> None:
    """``target`` replaced by ``table`` in one transaction."""
    staged = "__kumi_enriched_rows"
    connection.register(staged, table)
    try:
        connection.begin()
        try:
            connection.execute(
                f"CREATE OR REPLACE TABLE {quote_identifier(target)} AS SELECT * FROM {staged}"
            ).fetchall()
        except duckdb.Error as error:
            connection.rollback()
            raise duckdb_failure(error, f"Cannot write table '{target}'") from None
        connection.commit()
    finally:
        connection.unregister(staged)
