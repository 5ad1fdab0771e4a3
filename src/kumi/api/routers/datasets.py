"""Registered datasets: list, versions, upload, preview and profile."""

from __future__ import annotations

import contextlib
import json
import shutil
import tempfile
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Query, UploadFile
from starlette.concurrency import run_in_threadpool

from kumi.api.datasets_view import rows_json
from kumi.api.dependencies import SettingsDep, WorkspaceDep
from kumi.core.errors import DataFormatError, InvalidInputError, KumiError, UploadTooLargeError
from kumi.storage.records import DatasetVersion

router = APIRouter(prefix="/datasets", tags=["datasets"])

_CHUNK = 1 << 20
MAX_PREVIEW_ROWS = 1000


def summary(record: DatasetVersion) -> dict[str, Any]:
    """A dataset in lists: its latest version in brief."""
    return {
        "name": record.name,
        "description": record.description,
        "latest_version": record.version,
        "rows": record.row_count,
        "columns": len(record.schema.columns),
        "label": record.label,
        "created_at": record.to_dict()["created_at"],
    }


def version_detail(record: DatasetVersion) -> dict[str, Any]:
    detail = record.to_dict()
    return {
        "version": record.version,
        "rows": record.row_count,
        "columns": detail["schema"],
        "source": record.source,
        "content_hash": record.content_hash,
        "created_at": detail["created_at"],
    }


@router.get("")
def list_datasets(workspace: WorkspaceDep) -> dict[str, Any]:
    """Every dataset with its latest version."""
    return {"datasets": [summary(record) for record in workspace.datasets.list()]}


@router.get("/{name}")
def get_dataset(name: str, workspace: WorkspaceDep) -> dict[str, Any]:
    """A dataset and all its versions, newest first."""
    latest = workspace.datasets.get(name)  # not_found, naming the datasets there are
    versions = sorted(workspace.datasets.versions(name), key=lambda r: -r.version)
    return {
        "name": name,
        "description": latest.description,
        "latest_version": latest.version,
        "versions": [version_detail(record) for record in versions],
    }


@router.get("/{name}/versions/{version}/preview")
def preview(
    name: str,
    version: int,
    workspace: WorkspaceDep,
    rows: Annotated[int, Query(ge=1, le=MAX_PREVIEW_ROWS)] = 50,
) -> dict[str, Any]:
    """The first ``rows`` rows of a version, with its columns."""
    record = workspace.datasets.get(name, version)
    head = workspace.datasets.preview(name, version, rows=rows)
    return {
        "name": name,
        "version": version,
        "total_rows": record.row_count,
        "columns": record.to_dict()["schema"],
        "rows": rows_json(head),
    }


@router.get("/{name}/versions/{version}/profile")
def profile(name: str, version: int, workspace: WorkspaceDep) -> dict[str, Any]:
    """Per-column statistics of a version: type, missing, distinct, range, histogram."""
    return {"name": name, "version": version, "profile": workspace.datasets.profile(name, version)}


@router.delete("/{name}", status_code=204)
def delete_dataset(name: str, workspace: WorkspaceDep) -> None:
    """Forget a dataset and all its versions."""
    workspace.datasets.delete(name)


@router.post("", status_code=201)
async def upload(
    *,
    workspace: WorkspaceDep,
    settings: SettingsDep,
    file: Annotated[UploadFile, File(description="CSV, TSV, Parquet or JSON lines file.")],
    name: Annotated[str, Form(description="Dataset name; a new version if it exists.")],
    description: Annotated[str, Form()] = "",
    label: Annotated[str | None, Form(description="The label column, if any.")] = None,
    file_format: Annotated[str, Form(description="auto, csv, tsv, parquet or jsonl.")] = "auto",
    encoding: Annotated[str, Form(description="Text encoding of CSV/TSV/JSON files.")] = "utf-8",
    has_header: Annotated[bool, Form()] = True,
    categorical: Annotated[
        list[str] | None, Form(description="Columns to mark categorical (besides inferred ones).")
    ] = None,
    ignore: Annotated[list[str] | None, Form(description="Columns to ignore.")] = None,
    column_types: Annotated[
        str | None,
        Form(
            description="JSON object naming a type per column instead of the inferred one, "
            'e.g. {"zip": "string", "signup": "datetime"} (string, integer, double, boolean, '
            "datetime)."
        ),
    ] = None,
) -> dict[str, Any]:
    """Register an uploaded file as a new dataset version."""
    types = _column_types(column_types)
    async with _received(file, settings.max_upload_bytes) as path:
        record = await run_in_threadpool(
            workspace.datasets.register,
            name,
            path,
            description=description,
            label=label or None,
            categorical=categorical or (),
            ignore=ignore or (),
            file_format=file_format,
            encoding=encoding,
            has_header=has_header,
            source=f"upload:{path.name}",
            column_types=types,
        )
    return {**summary(record), "version": version_detail(record)}


def _column_types(text: str | None) -> dict[str, str]:
    if not text:
        return {}
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        value = exc
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise InvalidInputError(
            "'column_types' must be a JSON object naming a type per column, e.g. "
            '{"zip": "string"}.',
            details={"column_types": text},
        )
    return {str(k): v for k, v in value.items()}


@router.post("/inspect")
async def inspect(
    *,
    workspace: WorkspaceDep,
    settings: SettingsDep,
    file: Annotated[UploadFile, File(description="CSV, TSV, Parquet or JSON lines file.")],
    file_format: Annotated[str, Form()] = "auto",
    encoding: Annotated[str, Form()] = "utf-8",
    has_header: Annotated[bool, Form()] = True,
    rows: Annotated[int, Form(ge=1, le=MAX_PREVIEW_ROWS)] = 20,
) -> dict[str, Any]:
    """Read an uploaded file as registering it would, and save nothing: its row count,
    columns with inferred types, and first rows."""
    async with _received(file, settings.max_upload_bytes) as path:
        table = await run_in_threadpool(
            workspace.datasets.inspect,
            path,
            file_format=file_format,
            encoding=encoding,
            has_header=has_header,
        )
    return {
        "filename": file.filename,
        "rows": len(table),
        "columns": table.schema().to_list(),
        "preview": rows_json(table.frame.head(rows)),
    }


@contextlib.asynccontextmanager
async def _received(file: UploadFile, limit: int) -> AsyncIterator[Path]:
    """The upload saved in a temporary folder, removed afterwards; errors about it name
    the uploaded file, not the server's temporary copy."""
    folder = Path(tempfile.mkdtemp(prefix="kumi-upload-"))
    path = folder / _safe_filename(file.filename)
    try:
        await _receive(file, path, limit)
        yield path
    except KumiError as exc:
        raise _naming_upload(exc, path, path.name) from exc
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _naming_upload(exc: KumiError, path: Path, filename: str) -> KumiError:
    """``exc`` with the temporary path replaced by the uploaded file's name."""
    shown = {str(path.resolve()): filename, str(path): filename}

    def clean(text: str) -> str:
        for long, short in shown.items():
            text = text.replace(long, short)
        return text

    details = {k: clean(v) if isinstance(v, str) else v for k, v in exc.details.items()}
    return type(exc)(clean(exc.message), details=details)


def _safe_filename(filename: str | None) -> str:
    """The upload's own name without folders (its extension tells the format)."""
    return Path(filename or "upload").name or "upload"


async def _receive(file: UploadFile, path: Path, limit: int) -> None:
    received = 0
    with path.open("wb") as sink:
        while chunk := await file.read(_CHUNK):
            received += len(chunk)
            if received > limit:
                raise UploadTooLargeError(
                    f"The file is larger than this server accepts ({limit:,} bytes). Upload a "
                    "smaller file, or register it from the Python SDK or CLI by path.",
                    details={"limit_bytes": limit},
                )
            sink.write(chunk)
    if received == 0:
        raise DataFormatError(
            "The uploaded file is empty. Choose a CSV, TSV, Parquet or JSON lines file with rows.",
            details={"filename": file.filename},
        )
