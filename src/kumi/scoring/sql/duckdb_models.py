"""Registered models kept inside a DuckDB database, in the table ``kumi_models``, so that
``PREDICT`` finds them without the workspace; and the lookup PREDICT uses: the database's
table first, then the workspace's MLflow registry."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb

from kumi.automl.packaging import open_workspace
from kumi.core.errors import NotFoundError
from kumi.scoring.onnx_runner import OnnxRunner
from kumi.scoring.registered import ModelRef, RegisteredOnnx, load_registered_onnx

MODELS_TABLE = "kumi_models"
_CREATE = f"""
CREATE TABLE IF NOT EXISTS {MODELS_TABLE} (
    name VARCHAR NOT NULL,
    version INTEGER NOT NULL,
    onnx BLOB NOT NULL,
    signature JSON,
    description VARCHAR,
    created TIMESTAMP DEFAULT current_timestamp,
    PRIMARY KEY (name, version)
)"""


def store_model_duckdb(connection: duckdb.DuckDBPyConnection, model: RegisteredOnnx) -> None:
    """Write ``model`` into the database's kumi_models table (replacing the same version)."""
    connection.begin()
    try:
        connection.execute(_CREATE).fetchall()
        connection.execute(
            f"DELETE FROM {MODELS_TABLE} WHERE name = ? AND version = ?",
            [model.name, model.version],
        ).fetchall()
        connection.execute(
            f"INSERT INTO {MODELS_TABLE} (name, version, onnx, signature, description) "
            "VALUES (?, ?, ?, ?, ?)",
            [
                model.name,
                model.version,
                model.model_bytes,
                json.dumps(model.signature),
                model.description,
            ],
        ).fetchall()
    except BaseException:
        connection.rollback()
        raise
    connection.commit()


def stored_model_duckdb(
    connection: duckdb.DuckDBPyConnection, ref: ModelRef
) -> RegisteredOnnx | None:
    """The model ``ref`` names from the database's kumi_models table, or None when the
    table is absent or holds no such name (and version)."""
    if not _has_models_table(connection):
        return None
    version_filter = "" if ref.version is None else " AND version = ?"
    arguments: list[object] = [ref.name] + ([] if ref.version is None else [ref.version])
    rows = connection.execute(
        f"SELECT version, onnx, signature, description FROM {MODELS_TABLE} "
        f"WHERE name = ?{version_filter} ORDER BY version DESC LIMIT 1",
        arguments,
    ).fetchall()
    if not rows:
        return None
    version, onnx, signature, description = rows[0]
    model_bytes = bytes(onnx)
    return RegisteredOnnx(
        name=ref.name,
        version=int(version),
        model_bytes=model_bytes,
        signature=json.loads(signature) if signature else {"inputs": [], "outputs": []},
        description=description or "",
        spec=OnnxRunner(model_bytes).spec,
    )


def resolve_model(
    connection: duckdb.DuckDBPyConnection,
    ref: ModelRef,
    workspace: Path | str | None = None,
) -> RegisteredOnnx:
    """``ref`` from the database's kumi_models table, else from the workspace registry
    (``workspace`` None: $KUMI_WORKSPACE or ./kumi-workspace)."""
    stored = stored_model_duckdb(connection, ref)
    if stored is not None:
        return stored
    try:
        return registered_model(ref, workspace)
    except NotFoundError as error:
        raise NotFoundError(
            f"Model '{ref}' is not in this database's {MODELS_TABLE} table, and from the "
            f"workspace registry: {error.message} To score with a model kept in the "
            f"database, load it first: kumi models load {ref} --database FILE.",
            details={**error.details, "model": str(ref)},
        ) from None


def registered_model(ref: ModelRef | str, workspace: Path | str | None = None) -> RegisteredOnnx:
    """``ref`` from the MLflow registry of ``workspace`` (None: the default workspace)."""
    with open_workspace(workspace) as opened:
        return load_registered_onnx(ref, opened.tracking_uri)


def _has_models_table(connection: duckdb.DuckDBPyConnection) -> bool:
    found = connection.execute(
        "SELECT count(*) FROM information_schema.tables "
        "WHERE table_name = ? AND table_schema = current_schema()",
        [MODELS_TABLE],
    ).fetchall()
    return bool(found[0][0])
