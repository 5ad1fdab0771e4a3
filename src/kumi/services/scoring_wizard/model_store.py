"""Copy a registered model into a database's ``kumi_models`` table, so that SQL there
(``PREDICT`` in DuckDB, ``kumi_predict`` in PostgreSQL) finds it without the workspace."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from kumi.services.scoring_wizard.databases import duckdb_connection, is_postgres, shown_database
from kumi.services.scoring_wizard.models import load_model

MODELS_TABLE = "kumi_models"


class StoreModelRequest(BaseModel):
    """A registered model and the database to copy it into."""

    database: str = Field(description="A DuckDB file path or a postgresql:// URL.")
    model: str = Field(description="A registered model, 'name' or 'name:version'.")


def store_model(request: StoreModelRequest, tracking_uri: str) -> dict[str, Any]:
    """Write the model's ONNX graph, signature and description into ``kumi_models``
    (replacing the same version); what was stored, and where."""
    model = load_model(request.model, tracking_uri)
    if is_postgres(request.database):
        from kumi.scoring.postgres.models import store_model_postgres

        store_model_postgres(request.database, model)
    else:
        from kumi.scoring.sql.duckdb_models import store_model_duckdb

        with duckdb_connection(request.database) as connection:
            store_model_duckdb(connection, model)
    return {
        "name": model.name,
        "version": model.version,
        "database": shown_database(request.database),
        "table": MODELS_TABLE,
    }
