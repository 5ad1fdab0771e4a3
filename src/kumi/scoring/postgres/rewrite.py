"""The Synapse ``PREDICT`` form on PostgreSQL: a ``PREDICT(MODEL = ..., DATA = ... AS d)
[WITH (...)] AS p`` clause becomes a call of the in-database ``kumi_predict`` function whose
rows are seen as two relations, ``d`` (the data columns) and ``p`` (the score columns):

    (kumi_predict('m:1', 'SELECT kumi_data FROM t AS kumi_data', NULL, ARRAY[...])
       AS kumi_scored(kumi_data t, kumi_score_1 text, ...)
     CROSS JOIN LATERAL (SELECT (kumi_scored.kumi_data).*) AS d
     CROSS JOIN LATERAL (SELECT kumi_scored.kumi_score_1 AS "Scored Labels", ...) AS p)

so ``d.*``, ``d.column``, ``p.*`` and ``p."Scored Labels"`` read as in Synapse.
"""

from __future__ import annotations

import re
import uuid
from typing import Protocol

import pandas as pd
import sqlalchemy as sa

from kumi.core.errors import InvalidInputError, NotFoundError
from kumi.scoring.postgres._sql import (
    postgres_spelling,
    quote_identifier,
    quote_literal,
    sql_type,
)
from kumi.scoring.postgres.models import load_model_postgres, store_model_postgres
from kumi.scoring.postgres.plpython import (
    FUNCTION_NAME,
    SCORED_ALIAS,
    WHOLE_ROW,
    install_predict_function,
)
from kumi.scoring.registered import ModelRef, RegisteredOnnx, load_registered_onnx
from kumi.storage.database import create_database_engine

_PLAIN_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_$]*")
_SIGNATURE = f"{FUNCTION_NAME}(text,text,jsonb,text[])"


class PredictClauseLike(Protocol):
    """What the translation reads of a parsed ``PREDICT`` clause."""

    @property
    def model(self) -> ModelRef: ...
    @property
    def data_sql(self) -> str: ...
    @property
    def data_alias(self) -> str: ...
    @property
    def with_columns(self) -> list[tuple[str, str]] | None: ...
    @property
    def alias(self) -> str: ...
    @property
    def span(self) -> tuple[int, int]: ...


def rewrite_predict_postgres(
    sql: str, clause: PredictClauseLike, model: RegisteredOnnx, *, data_type: str | None = None
) -> str:
    """``sql`` with ``clause`` turned into a ``kumi_predict`` call scoring with ``model``.
    ``data_type`` names the row type of the data (default: the DATA table itself; a subquery
    needs one, e.g. a temporary view of it, as :func:`query_postgres` makes)."""
    if data_type is None and clause.data_sql.lstrip().startswith("("):
        raise InvalidInputError(
            "PREDICT over a subquery needs the subquery's row type on PostgreSQL; run it "
            "through kumi.sql.query, or make a view of the subquery and name the view in DATA.",
            details={"data": clause.data_sql},
        )
    rows = data_type or clause.data_sql.strip()
    scores = _score_columns(clause, model)
    names = "ARRAY[" + ", ".join(quote_literal(name) for name, _ in scores) + "]::text[]"
    data = quote_literal(f"SELECT {WHOLE_ROW} FROM {rows} AS {WHOLE_ROW}")
    declared = ", ".join(f"kumi_score_{i} {kind}" for i, (_, kind) in enumerate(scores, 1))
    renamed = ", ".join(
        f"{SCORED_ALIAS}.kumi_score_{i} AS {quote_identifier(name)}"
        for i, (name, _) in enumerate(scores, 1)
    )
    fragment = (
        f"({FUNCTION_NAME}({quote_literal(f'{model.name}:{model.version}')}, {data}, NULL, "
        f"{names}) AS {SCORED_ALIAS}({WHOLE_ROW} {rows}, {declared})"
        f" CROSS JOIN LATERAL (SELECT ({SCORED_ALIAS}.{WHOLE_ROW}).*)"
        f" AS {_alias(clause.data_alias)}"
        f" CROSS JOIN LATERAL (SELECT {renamed}) AS {_alias(clause.alias)})"
    )
    start, end = clause.span
    return sql[:start] + fragment + sql[end:]


def _alias(written: str) -> str:
    return written if _PLAIN_NAME.fullmatch(written) else quote_identifier(written.strip('"'))


def _score_columns(clause: PredictClauseLike, model: RegisteredOnnx) -> list[tuple[str, str]]:
    """(score column, SQL type): the WITH clause's, or all of the model's."""
    available = dict(model.output_columns)
    if not clause.with_columns:
        return [(name, sql_type(kind)) for name, kind in model.output_columns]
    by_lower = {name.lower(): name for name in available}
    chosen = []
    for written, kind in clause.with_columns:
        name = written.strip('"')
        name = name if name in available else by_lower.get(name.lower(), name)
        if name not in available:
            raise InvalidInputError(
                f"WITH names '{written}', which model '{model.name}:{model.version}' does not "
                f"answer; its score columns are {', '.join(available)}.",
                details={"column": written, "model": model.name},
            )
        chosen.append((name, postgres_spelling(kind)))
    return chosen


def query_postgres(
    sql: str, url: str, clause: PredictClauseLike | None = None, *, tracking_uri: str | None = None
) -> pd.DataFrame:
    """Run ``sql`` on the PostgreSQL database at ``url`` in one transaction (nothing written
    on failure); with ``clause`` (its PREDICT), scored inside the server. The model comes
    from ``kumi_models``, else from the registry at ``tracking_uri`` (then loaded into
    ``kumi_models``). A statement returning no rows answers an empty frame."""
    model = _resolve(url, clause.model, tracking_uri) if clause is not None else None
    engine = create_database_engine(url)
    try:
        with engine.begin() as connection:
            statement, view = sql, None
            if clause is not None and model is not None:
                if clause.data_sql.lstrip().startswith("("):
                    view = f"pg_temp.kumi_predict_data_{uuid.uuid4().hex[:12]}"
                    _execute(connection, f"CREATE TEMP VIEW {view} AS {clause.data_sql}")
                statement = rewrite_predict_postgres(sql, clause, model, data_type=view)
            frame = _execute(connection, statement)
            if view is not None:
                _execute(connection, f"DROP VIEW {view}")
            return frame
    finally:
        engine.dispose()


def _execute(connection: sa.Connection, sql: str) -> pd.DataFrame:
    """Run SQL as written (through the driver's cursor: '%' is no parameter marker)."""
    cursor = connection.connection.cursor()
    try:
        cursor.execute(sql)
    except connection.dialect.loaded_dbapi.Error as exc:
        raise InvalidInputError(
            f"PostgreSQL refused the statement: {exc}",
            details={"sql": sql, "sqlstate": getattr(exc, "sqlstate", None)},
        ) from exc
    if cursor.description is None:
        return pd.DataFrame()
    columns = [column[0] for column in cursor.description]
    return pd.DataFrame(cursor.fetchall(), columns=columns)


def _resolve(url: str, ref: ModelRef, tracking_uri: str | None) -> RegisteredOnnx:
    """The model from ``kumi_models``, else from the registry (loaded into the database);
    with ``kumi_predict`` installed when missing."""
    model = load_model_postgres(url, ref)
    if model is None:
        if tracking_uri is None:
            raise NotFoundError(
                f"No model '{ref}' in this database's kumi_models; load it with `kumi models "
                f"load {ref} --database URL`, or give a workspace holding it.",
                details={"model": str(ref)},
            )
        model = load_registered_onnx(ref, tracking_uri)
        store_model_postgres(url, model)
    engine = create_database_engine(url)
    try:
        with engine.connect() as connection:
            found = connection.execute(sa.text(f"SELECT to_regprocedure('{_SIGNATURE}')")).scalar()
    finally:
        engine.dispose()
    if found is None:
        install_predict_function(url)
    return model
