"""Registered datasets: list, versions, upload, inspect, preview, profile, delete."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import pandas as pd

from kumi.sdk._http import Http, part
from kumi.sdk._tables import frame_of, parquet_bytes

Source = str | os.PathLike[str] | pd.DataFrame
"""A file to upload (CSV, TSV, Parquet or JSON lines) or a DataFrame (sent as Parquet)."""


class Datasets:
    """``client.datasets``: the workspace's registered, versioned tables."""

    def __init__(self, http: Http) -> None:
        self._http = http

    def list(self) -> list[dict[str, Any]]:
        """Every dataset with its latest version in brief (name, rows, columns, label ...)."""
        body: dict[str, Any] = self._http.request("GET", "/datasets")
        datasets: list[dict[str, Any]] = body["datasets"]
        return datasets

    def get(self, name: str) -> dict[str, Any]:
        """A dataset with ``latest_version`` and all its ``versions``, newest first."""
        dataset: dict[str, Any] = self._http.request("GET", f"/datasets/{part(name)}")
        return dataset

    def upload(
        self,
        source: Source,
        name: str,
        *,
        description: str = "",
        label: str | None = None,
        categorical: Iterable[str] = (),
        ignore: Iterable[str] = (),
        file_format: str = "auto",
        encoding: str = "utf-8",
        has_header: bool = True,
        column_types: Mapping[str, str] | None = None,
    ) -> dict[str, Any]:
        """Register a file or DataFrame as ``name`` (a new version if the name exists);
        ``label``, ``categorical`` and ``ignore`` name columns; ``column_types`` sets a
        column's type (string, integer, double, boolean, datetime) instead of the inferred
        one."""
        fields: dict[str, Any] = {
            **_reading(source, file_format, encoding, has_header),
            "name": name,
            "description": description,
            "categorical": list(categorical),
            "ignore": list(ignore),
        }
        if label is not None:
            fields["label"] = label
        if column_types:
            fields["column_types"] = json.dumps(dict(column_types))
        return self._post("/datasets", source, fields)

    def inspect(
        self,
        source: Source,
        *,
        file_format: str = "auto",
        encoding: str = "utf-8",
        has_header: bool = True,
        rows: int = 20,
    ) -> dict[str, Any]:
        """How the server reads a file, registering nothing: ``{"filename", "rows",
        "columns", "preview"}`` (columns with inferred types, the first ``rows`` rows)."""
        fields = {**_reading(source, file_format, encoding, has_header), "rows": str(rows)}
        return self._post("/datasets/inspect", source, fields)

    def preview(self, name: str, version: int | None = None, rows: int = 50) -> pd.DataFrame:
        """The first ``rows`` rows of a version (the latest unless ``version`` is given)."""
        path = f"/datasets/{part(name)}/versions/{self._version(name, version)}/preview"
        body: dict[str, Any] = self._http.request("GET", path, params={"rows": rows})
        return frame_of(body["columns"], body["rows"])

    def profile(self, name: str, version: int | None = None) -> dict[str, Any]:
        """Per-column statistics of a version: ``{"name", "version", "profile"}``."""
        path = f"/datasets/{part(name)}/versions/{self._version(name, version)}/profile"
        profile: dict[str, Any] = self._http.request("GET", path)
        return profile

    def delete(self, name: str) -> None:
        """Forget a dataset and all its versions."""
        self._http.request("DELETE", f"/datasets/{part(name)}")

    def _version(self, name: str, version: int | None) -> int:
        return int(self.get(name)["latest_version"]) if version is None else version

    def _post(self, path: str, source: Source, fields: dict[str, Any]) -> dict[str, Any]:
        with _file(source) as file:
            answer: dict[str, Any] = self._http.request(
                "POST", path, data=fields, files={"file": file}
            )
        return answer


def _reading(source: Source, file_format: str, encoding: str, has_header: bool) -> dict[str, Any]:
    """The form fields that say how to read the file (a DataFrame is sent as Parquet)."""
    return {
        "file_format": "parquet" if isinstance(source, pd.DataFrame) else file_format,
        "encoding": encoding,
        "has_header": "true" if has_header else "false",
    }


@contextmanager
def _file(source: Source) -> Iterator[tuple[str, IO[bytes] | bytes]]:
    """The multipart file part of ``source``: its name (which tells the format) and content."""
    if isinstance(source, pd.DataFrame):
        yield "dataframe.parquet", parquet_bytes(source)
        return
    path = Path(source)
    with path.open("rb") as content:
        yield path.name, content
