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

from kumi.scoring.registered import ModelRef, RegisteredOnnx
from kumi.scoring.sql.duckdb_connection import Database, connected
from kumi.scoring.sql.duckdb_models import registered_model, store_model_duckdb
from kumi.scoring.sql.duckdb_predict import query, register_model_function

__all__ = ["load_model", "query", "register_model_function"]

POSTGRES_SCHEMES = ("postgresql://", "postgres://", "postgresql+")


def load_model(
    model_ref: str | ModelRef, database: Database, workspace: Path | str | None = None
) -> RegisteredOnnx:
    """Copy registered model ``name[:version]`` (newest when no version) from the
    workspace registry into the database's ``kumi_models`` table; returns the model."""
    model = registered_model(model_ref, workspace)
    if isinstance(database, str) and database.startswith(POSTGRES_SCHEMES):
        from kumi.scoring.postgres.models import store_model_postgres

        store_model_postgres(database, model)
        return model
    with connected(database) as connection:
        store_model_duckdb(connection, model)
    return model
