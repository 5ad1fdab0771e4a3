"""Saved pipelines (each save a new version): CRUD, clone, validate, YAML."""

from __future__ import annotations

import builtins
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from kumi.sdk._documents import Document, document_dict
from kumi.sdk._http import Http, part


class Pipelines:
    """``client.pipelines``: pipeline documents saved in the workspace by name."""

    def __init__(self, http: Http) -> None:
        self._http = http

    def list(self) -> list[dict[str, Any]]:
        """The latest version of every saved pipeline, most recently changed first."""
        body: dict[str, Any] = self._http.request("GET", "/pipelines")
        pipelines: list[dict[str, Any]] = body["pipelines"]
        return pipelines

    def get(self, name: str, version: int | None = None) -> dict[str, Any]:
        """A saved pipeline with its ``document`` (the latest version unless given)."""
        return self._one("GET", f"/pipelines/{part(name)}", params={"version": version})

    def versions(self, name: str) -> builtins.list[dict[str, Any]]:
        """Every saved version of a pipeline."""
        body: dict[str, Any] = self._http.request("GET", f"/pipelines/{part(name)}/versions")
        versions: builtins.list[dict[str, Any]] = body["versions"]
        return versions

    def create(self, document: Document, *, description: str = "") -> dict[str, Any]:
        """Save a new pipeline under its document's name (``ConflictError`` if taken)."""
        body = {"document": document_dict(document), "description": description}
        return self._one("POST", "/pipelines", json=body)

    def save(self, name: str, document: Document, *, description: str = "") -> dict[str, Any]:
        """Save ``document`` as the next version of ``name`` (drafts may be incomplete)."""
        body = {"document": document_dict(document), "description": description}
        return self._one("PUT", f"/pipelines/{part(name)}", json=body)

    def clone(self, name: str, new_name: str) -> dict[str, Any]:
        """Save a copy of the latest version of ``name`` as ``new_name``."""
        return self._one("POST", f"/pipelines/{part(name)}/clone", json={"name": new_name})

    def delete(self, name: str) -> None:
        """Forget a pipeline and all its versions."""
        self._http.request("DELETE", f"/pipelines/{part(name)}")

    def validate(
        self, document: Document, parameters: Mapping[str, Any] | None = None
    ) -> dict[str, Any]:
        """``{"valid", "problems"}``: everything that would stop the document from running."""
        body = {"document": document_dict(document), "parameters": dict(parameters or {})}
        return self._one("POST", "/pipelines/validate", json=body)

    def columns(
        self, document: Document, parameters: Mapping[str, Any] | None = None
    ) -> dict[str, Any]:
        """``{"nodes": {node: {"inputs": {port: [column, ...]}, "parameters": {param:
        port}}}}``: the columns known before running at each node's table inputs."""
        body = {"document": document_dict(document), "parameters": dict(parameters or {})}
        return self._one("POST", "/pipelines/columns", json=body)

    def import_yaml(self, source: str | os.PathLike[str]) -> dict[str, Any]:
        """Save a YAML (or JSON) document given as text or as a file path; a new version
        if its name exists."""
        headers = {"content-type": "application/yaml"}
        return self._one("POST", "/pipelines/import", content=_text(source), headers=headers)

    def export_yaml(self, name: str, version: int | None = None) -> str:
        """The document as YAML, as ``kumi run`` takes it."""
        path = f"/pipelines/{part(name)}/yaml"
        return self._http.send("GET", path, params={"version": version}).text

    def _one(self, method: str, path: str, **kw: Any) -> dict[str, Any]:
        pipeline: dict[str, Any] = self._http.request(method, path, **kw)
        return pipeline


def _text(source: str | os.PathLike[str]) -> str:
    """The document text: a path's content, or ``source`` itself when it is not a file."""
    if isinstance(source, os.PathLike):
        return Path(source).read_text(encoding="utf-8")
    if "\n" not in source and source.endswith((".yaml", ".yml", ".json")):
        return Path(source).read_text(encoding="utf-8")
    return source
