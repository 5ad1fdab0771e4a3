"""Client-side scoring for databases that cannot run the model themselves: stream any
SQLAlchemy table (PostgreSQL, SQLite, ...) through onnxruntime in batches and write the
table's rows with their score columns to a target table (COPY on PostgreSQL), all in one
transaction, so a failure leaves the database as it was."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import sqlalchemy as sa

from kumi.core.errors import ColumnNotFoundError, ColumnTypeError, InvalidInputError, NotFoundError
from kumi.scoring.onnx_runner import ModelInputError, OnnxRunner
from kumi.scoring.postgres._sql import quote_identifier, split_table
from kumi.scoring.postgres._sql import sqlalchemy_type as score_type
from kumi.scoring.registered import RegisteredOnnx
from kumi.storage.database import create_database_engine

Progress = Callable[[int, int], None]


def enrich_table(
    url: str,
    source_table: str,
    model: RegisteredOnnx,
    target: str,
    mapping: Mapping[str, str] | None = None,
    *,
    score_columns: Sequence[str] | None = None,
    batch_size: int = 10_000,
    on_progress: Progress | None = None,
) -> int:
    """Score every row of ``source_table`` with ``model`` and write the rows followed by the
    score columns (all, or ``score_columns``) to ``target``, replacing it; the rows written.
    ``mapping`` maps a model input column to the table column feeding it (default: the same
    name). ``on_progress(rows done, rows in all)`` is called after each batch."""
    if batch_size < 1:
        raise InvalidInputError(
            "batch_size must be at least 1.", details={"batch_size": batch_size}
        )
    engine = create_database_engine(url)
    try:
        with engine.begin() as connection:
            source = _reflect(connection, source_table)
            feeds = _feeds(source, model, mapping or {})
            outputs = _outputs(source, model, score_columns)
            written = _create_target(connection, source, target, outputs)
            total = connection.execute(sa.select(sa.func.count()).select_from(source)).scalar_one()
            return _stream(
                connection,
                source=source,
                written=written,
                model=model,
                feeds=feeds,
                outputs=outputs,
                batch_size=batch_size,
                progress=lambda done: on_progress(done, total) if on_progress else None,
            )
    finally:
        engine.dispose()


def _reflect(connection: sa.Connection, table: str) -> sa.Table:
    schema, name = split_table(table)
    if not sa.inspect(connection).has_table(name, schema=schema):
        raise NotFoundError(
            f"Table '{table}' does not exist in this database; check its name (schema.table).",
            details={"table": table},
        )
    return sa.Table(name, sa.MetaData(), autoload_with=connection, schema=schema)


def _feeds(source: sa.Table, model: RegisteredOnnx, mapping: Mapping[str, str]) -> dict[str, str]:
    """Model input column → the table column feeding it."""
    feeds = {column: mapping.get(column, column) for column, _ in model.input_columns}
    for column, table_column in feeds.items():
        if table_column not in source.columns:
            raise ColumnNotFoundError(
                f"Table '{source.name}' has no column '{table_column}' for model input "
                f"'{column}' of '{model.name}:{model.version}'; map one of its columns "
                f"({', '.join(source.columns.keys())}) to it.",
                details={"column": table_column, "model_input": column, "table": source.name},
            )
    return feeds


def _outputs(
    source: sa.Table, model: RegisteredOnnx, wanted: Sequence[str] | None
) -> list[tuple[str, str]]:
    chosen = model.chosen_outputs(wanted)
    for column, _ in chosen:
        if column in source.columns:
            raise InvalidInputError(
                f"Table '{source.name}' already has a column '{column}'; rename it or choose "
                "other score columns.",
                details={"column": column, "table": source.name},
            )
    return chosen


def _create_target(
    connection: sa.Connection, source: sa.Table, target: str, outputs: list[tuple[str, str]]
) -> sa.Table:
    schema, name = split_table(target)
    if (schema or source.schema, name) == (source.schema, source.name):
        raise InvalidInputError(
            f"The target '{target}' is the table being scored; write to another table.",
            details={"table": target},
        )
    columns = [sa.Column(column.name, column.type) for column in source.columns]
    columns += [sa.Column(column, score_type(kind)) for column, kind in outputs]
    written = sa.Table(name, sa.MetaData(), *columns, schema=schema)
    written.drop(connection, checkfirst=True)
    written.create(connection)
    return written


def _stream(
    connection: sa.Connection,
    *,
    source: sa.Table,
    written: sa.Table,
    model: RegisteredOnnx,
    feeds: dict[str, str],
    outputs: list[tuple[str, str]],
    batch_size: int,
    progress: Callable[[int], None],
) -> int:
    runner = model.runner()
    positions = {name: index for index, name in enumerate(source.columns.keys())}
    result = connection.execution_options(yield_per=batch_size).execute(sa.select(source))
    done = 0
    for batch in result.partitions():
        rows = [tuple(row) for row in batch]
        values = list(zip(*rows, strict=True))
        inputs = {column: values[positions[table]] for column, table in feeds.items()}
        scores = _score(runner, inputs, feeds)
        score_values = [scores[column].tolist() for column, _ in outputs]
        enriched = [row + tuple(s[i] for s in score_values) for i, row in enumerate(rows)]
        _write(connection, written, enriched)
        done += len(rows)
        progress(done)
    return done


def _score(runner: OnnxRunner, inputs: dict[str, Any], feeds: dict[str, str]) -> dict[str, Any]:
    try:
        return runner.score(inputs)
    except ModelInputError as exc:
        table_column = feeds.get(exc.column, exc.column)
        raise ColumnTypeError(
            f"Table column '{table_column}' cannot feed model input '{exc.column}': {exc}",
            details={"column": table_column, "model_input": exc.column},
        ) from exc


def _write(connection: sa.Connection, table: sa.Table, rows: list[tuple[Any, ...]]) -> None:
    if connection.dialect.name != "postgresql":
        names = table.columns.keys()
        connection.execute(table.insert(), [dict(zip(names, row, strict=True)) for row in rows])
        return
    target = ".".join(quote_identifier(part) for part in (table.schema, table.name) if part)
    columns = ", ".join(quote_identifier(column.name) for column in table.columns)
    cursor = connection.connection.cursor()
    with cursor.copy(f"COPY {target} ({columns}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
