"""Registered models kept inside a PostgreSQL database, in the table ``kumi_models``, where
the in-database ``kumi_predict`` function reads them."""

from __future__ import annotations

import json

import sqlalchemy as sa

from kumi.scoring.onnx_runner import OnnxRunner
from kumi.scoring.registered import ModelRef, RegisteredOnnx
from kumi.storage.database import create_database_engine

MODELS_TABLE = "kumi_models"

_CREATE = sa.text(
    "CREATE TABLE IF NOT EXISTS kumi_models ("
    " name text NOT NULL, version integer NOT NULL, onnx bytea NOT NULL,"
    " signature jsonb NOT NULL, description text NOT NULL DEFAULT '',"
    " created timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (name, version))"
)
_UPSERT = sa.text(
    "INSERT INTO kumi_models (name, version, onnx, signature, description, created)"
    " VALUES (:name, :version, :onnx, CAST(:signature AS jsonb), :description, now())"
    " ON CONFLICT (name, version) DO UPDATE SET onnx = EXCLUDED.onnx,"
    " signature = EXCLUDED.signature, description = EXCLUDED.description,"
    " created = EXCLUDED.created"
)
_SELECT = sa.text(
    "SELECT name, version, onnx, signature::text AS signature, description FROM kumi_models"
    " WHERE name = :name AND (CAST(:version AS integer) IS NULL OR version = :version)"
    " ORDER BY version DESC LIMIT 1"
)


def store_model_postgres(url: str, model: RegisteredOnnx) -> None:
    """Write ``model`` into ``kumi_models`` (created when absent), replacing the same version."""
    engine = create_database_engine(url)
    try:
        with engine.begin() as connection:
            connection.execute(_CREATE)
            connection.execute(
                _UPSERT,
                {
                    "name": model.name,
                    "version": model.version,
                    "onnx": model.model_bytes,
                    "signature": json.dumps(model.signature),
                    "description": model.description,
                },
            )
    finally:
        engine.dispose()


def load_model_postgres(url: str, ref: ModelRef | str) -> RegisteredOnnx | None:
    """The model version ``ref`` names as stored in ``kumi_models`` (no version: the newest),
    or None when the table or the model is absent there."""
    ref = ref if isinstance(ref, ModelRef) else ModelRef.parse(ref)
    engine = create_database_engine(url)
    try:
        with engine.connect() as connection:
            if not sa.inspect(connection).has_table(MODELS_TABLE):
                return None
            row = connection.execute(_SELECT, {"name": ref.name, "version": ref.version}).first()
    finally:
        engine.dispose()
    if row is None:
        return None
    model_bytes = bytes(row.onnx)
    return RegisteredOnnx(
        name=row.name,
        version=int(row.version),
        model_bytes=model_bytes,
        signature=json.loads(row.signature),
        description=row.description or "",
        spec=OnnxRunner(model_bytes).spec,
    )
