"""SQL scoring from Python: run statements with the Synapse-style ``PREDICT`` clause on a
DuckDB database, register a model as a DuckDB function, and load registered models into a
database (DuckDB file or PostgreSQL URL) so that SQL finds them there.

    import kumi.sql
    kumi.sql.load_model("churn:1", database="shop.duckdb")
    scored = kumi.sql.query(
        "SELECT d.*, p.* FROM PREDICT(MODEL = 'churn:1', DATA = customers AS d) "
        'WITH ("Scored Labels" VARCHAR) AS p',
        database="shop.duckdb",
    )
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from kumi.automl.packaging import open_workspace
from kumi.scoring.registered import ModelRef, RegisteredOnnx
from kumi.scoring.sql.duckdb_connection import Database, connected
from kumi.scoring.sql.duckdb_models import registered_model, store_model_duckdb
from kumi.scoring.sql.duckdb_predict import query as query_duckdb
from kumi.scoring.sql.duckdb_predict import register_model_function
from kumi.scoring.sql.predict_clause import find_predict

__all__ = ["load_model", "query", "register_model_function"]

POSTGRES_SCHEMES = ("postgresql://", "postgres://", "postgresql+")


def query(sql: str, database: Database, workspace: Path | str | None = None) -> pd.DataFrame:
    """Run ``sql`` (``PREDICT`` clauses allowed) on a DuckDB file or connection, or on a
    PostgreSQL URL (scored inside the server by ``kumi_predict``); the result rows as a
    DataFrame (empty for statements that return none). Models come from the database's
    ``kumi_models`` table, else from the workspace's registry; nothing is written when the
    statement fails."""
    if not _is_postgres(database):
        return query_duckdb(sql, database, workspace)
    from kumi.scoring.postgres.rewrite import query_postgres

    assert isinstance(database, str)
    clause = find_predict(sql)
    if clause is None:
        return query_postgres(sql, database)
    with open_workspace(workspace) as opened:
        return query_postgres(sql, database, clause, tracking_uri=opened.tracking_uri)


def _is_postgres(database: Database) -> bool:
    return isinstance(database, str) and database.startswith(POSTGRES_SCHEMES)


def load_model(
    model_ref: str | ModelRef, database: Database, workspace: Path | str | None = None
) -> RegisteredOnnx:
    """Copy registered model ``name[:version]`` (newest when no version) from the
    workspace registry into the database's ``kumi_models`` table; returns the model."""
    model = registered_model(model_ref, workspace)
    if _is_postgres(database):
        assert isinstance(database, str)
        from kumi.scoring.postgres.models import store_model_postgres

        store_model_postgres(database, model)
        return model
    with connected(database) as connection:
        store_model_duckdb(connection, model)
    return model
