"""Export Data's writers: files (atomically where the target allows) and SQL tables."""

from __future__ import annotations

import io
import os
import tempfile
from typing import Literal

import fsspec
import pandas as pd
import sqlalchemy as sa
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError

from kumi.components.data._sources import is_local, local_path
from kumi.core import DataFormatError, InvalidInputError, InvalidParameterError
from kumi.core.readers import database_url_of, detect_format

FileFormat = Literal["auto", "csv", "tsv", "parquet", "jsonl"]
IfExists = Literal["fail", "replace", "append"]


def encode(frame: pd.DataFrame, file_format: str) -> bytes:
    """The table as bytes of ``file_format`` (csv, tsv, parquet, jsonl)."""
    if file_format == "parquet":
        buffer = io.BytesIO()
        frame.to_parquet(buffer, index=False)
        return buffer.getvalue()
    if file_format == "jsonl":
        text = frame.to_json(orient="records", lines=True, date_format="iso")
        return (text if text.endswith("\n") else f"{text}\n").encode("utf-8")
    separator = "\t" if file_format == "tsv" else ","
    return frame.to_csv(index=False, sep=separator, lineterminator="\n").encode("utf-8")


def write_file(frame: pd.DataFrame, path: str, file_format: FileFormat) -> str:
    """Write the table to a local path (temporary file, then rename) or an fsspec URL;
    returns the format written."""
    resolved = detect_format(path) if file_format == "auto" else file_format
    data = encode(frame, resolved)
    try:
        if is_local(path):
            _write_local_atomically(data, local_path(path))
        else:
            with fsspec.open(path, "wb") as handle:
                handle.write(data)
    except (OSError, ValueError, ImportError) as exc:
        raise InvalidInputError(
            f"Could not write '{path}': {exc}. Check that the folder or bucket exists and is "
            "writable, and the URL's scheme and credentials.",
            details={"path": path},
        ) from exc
    return resolved


def _write_local_atomically(data: bytes, target: os.PathLike[str]) -> None:
    folder = os.path.dirname(os.path.abspath(target)) or "."
    os.makedirs(folder, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".kumi-export-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, target)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def write_table(
    frame: pd.DataFrame, database_url: str, table_name: str, if_exists: IfExists
) -> None:
    """Write rows to a SQL table in one transaction (created when missing)."""
    if not table_name.strip():
        raise InvalidParameterError(
            "Writing to a database needs 'table_name'; name the table to write.",
            details={"parameter": "table_name"},
        )
    url = database_url_of(database_url)
    shown = url.render_as_string(hide_password=True)
    try:
        engine = sa.create_engine(url)
    except (ArgumentError, NoSuchModuleError, ImportError) as exc:
        raise _write_failed(table_name, shown, exc) from exc
    try:
        with engine.begin() as connection:
            frame.to_sql(table_name, connection, if_exists=if_exists, index=False)
    except ValueError as exc:
        if "already exists" not in str(exc):
            raise _write_failed(table_name, shown, exc) from exc
        raise InvalidInputError(
            f"Table '{table_name}' already exists in '{shown}'. Set 'if_exists' to replace or "
            "append, or choose another table name.",
            details={"table": table_name, "database": shown},
        ) from exc
    except SQLAlchemyError as exc:
        raise _write_failed(table_name, shown, exc) from exc
    finally:
        engine.dispose()


def _write_failed(table_name: str, shown: str, exc: Exception) -> DataFormatError:
    return DataFormatError(
        f"Writing table '{table_name}' to '{shown}' failed: {str(exc).splitlines()[0]}. "
        "Check the database URL, permissions and that the columns fit the table.",
        details={"table": table_name, "database": shown},
    )
