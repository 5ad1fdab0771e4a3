"""Stand-ins for the database scoring paths the scoring wizard calls —
``kumi.scoring.sql.duckdb_predict`` (score_duckdb_table, predict_sql_duckdb) and
``kumi.scoring.postgres.enrich`` / ``.plpython`` (enrich_table, predict_sql_postgres) —
installed by :func:`install` only for the modules missing from the tree, with the same
signatures. Each writes its target table in one transaction (nothing on failure)."""

from __future__ import annotations

import importlib
import sys
import types
from collections.abc import Callable, Mapping
from typing import Any

import duckdb
import pandas as pd
import sqlalchemy as sa

from kumi.core.readers import database_url_of
from kumi.scoring.registered import RegisteredOnnx

BATCH_ROWS = 1000
Progress = Callable[[int, int], None] | None


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _scored(
    frame: pd.DataFrame,
    model: RegisteredOnnx,
    mapping: Mapping[str, str],
    score_columns: list[str] | None,
    on_progress: Progress,
) -> pd.DataFrame:
    runner = model.runner()
    wanted = score_columns or [c for c, _ in model.output_columns]
    parts = []
    for start in range(0, len(frame), BATCH_ROWS):
        batch = frame.iloc[start : start + BATCH_ROWS]
        scores = runner.score({i: batch[c].to_numpy() for i, c in mapping.items()})
        parts.append(pd.DataFrame({c: scores[c] for c in wanted}, index=batch.index))
        if on_progress:
            on_progress(start + len(batch), len(frame))
    scores = pd.concat(parts) if parts else pd.DataFrame(columns=wanted)
    return pd.concat([frame, scores], axis=1)


def score_duckdb_table(
    database: Any,
    source_table: str,
    model: RegisteredOnnx,
    mapping: dict[str, str],
    target: str,
    *,
    score_columns: list[str] | None = None,
    on_progress: Progress = None,
) -> int:
    connection = duckdb.connect(str(database))
    try:
        frame = connection.execute(f"SELECT * FROM {_q(source_table)}").fetchdf()
        out = _scored(frame, model, mapping, score_columns, on_progress)
        connection.register("kumi_scored_frame", out)
        connection.execute("BEGIN TRANSACTION")
        connection.execute(
            f"CREATE OR REPLACE TABLE {_q(target)} AS SELECT * FROM kumi_scored_frame"
        )
        connection.execute("COMMIT")
    finally:
        connection.close()
    return len(out)


def predict_sql_duckdb(model_ref: str, source_table: str, mapping: Mapping[str, str]) -> str:
    aliased = ", ".join(f"{_q(c)} AS {_q(i)}" for i, c in mapping.items())
    data = f"(SELECT *, {aliased} FROM {_q(source_table)})"
    return f"SELECT d.*, p.* FROM PREDICT(MODEL = '{model_ref}', DATA = {data} AS d) AS p"


def enrich_table(
    url: str,
    source_table: str,
    model: RegisteredOnnx,
    target: str,
    mapping: dict[str, str],
    *,
    score_columns: list[str] | None = None,
    batch_size: int = 10_000,
    on_progress: Progress = None,
) -> int:
    engine = sa.create_engine(database_url_of(url))
    try:
        with engine.begin() as connection:
            frame = pd.read_sql_query(sa.text(f"SELECT * FROM {_q(source_table)}"), connection)
            out = _scored(frame, model, mapping, score_columns, on_progress)
            out.to_sql(target, connection, if_exists="replace", index=False)
    finally:
        engine.dispose()
    return len(out)


def predict_sql_postgres(
    model: RegisteredOnnx, source_table: str, mapping: Mapping[str, str]
) -> str:
    aliased = ", ".join(f"{_q(c)} AS {_q(i)}" for i, c in mapping.items())
    return (
        f"SELECT * FROM kumi_predict('{model.name}:{model.version}', "
        f"'SELECT *, {aliased} FROM {_q(source_table)}')"
    )


_STANDINS = {
    "kumi.scoring.sql.duckdb_predict": (score_duckdb_table, predict_sql_duckdb),
    "kumi.scoring.postgres.enrich": (enrich_table,),
    "kumi.scoring.postgres.plpython": (predict_sql_postgres,),
}


def _module(name: str) -> types.ModuleType:
    """Module ``name`` as imported, or an empty one put in its place (parents too)."""
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError:
        module = types.ModuleType(name)
        module.__path__ = []
        parent, _, child = name.rpartition(".")
        setattr(_module(parent), child, module)
        sys.modules[name] = module
        return module


def install() -> list[str]:
    """Put the stand-ins in place of the scoring modules that are missing; their names."""
    missing = []
    for name, functions in _STANDINS.items():
        try:
            importlib.import_module(name)
        except ModuleNotFoundError:
            module = _module(name)
            for function in functions:
                setattr(module, function.__name__, function)
            missing.append(name)
    return missing
