"""The scoring wizard from Python: tables, previews, models, the column mapping and
scoring runs that write a scored table in a DuckDB file or a PostgreSQL database."""

from __future__ import annotations

import builtins
from typing import Any

import pandas as pd

from kumi.sdk._http import Http, part
from kumi.sdk._polling import wait_until_finished

FINISHED = frozenset({"completed", "failed"})
"""Statuses a scoring run never leaves."""


class Scoring:
    """``client.scoring``: score a database table with a registered model."""

    def __init__(self, http: Http) -> None:
        self._http = http

    def tables(self, database: str) -> builtins.list[dict[str, Any]]:
        """The tables and views (``{"name", "type"}``) of a DuckDB file or PostgreSQL URL."""
        body = self._one("GET", "/scoring/tables", params={"database": database})
        tables: builtins.list[dict[str, Any]] = body["tables"]
        return tables

    def preview(self, database: str, table: str, rows: int = 20) -> pd.DataFrame:
        """The first ``rows`` rows of ``table`` (its columns' kinds: ``mapping`` and the API)."""
        params = {"database": database, "table": table, "rows": rows}
        body = self._one("GET", "/scoring/preview", params=params)
        return pd.DataFrame(body["rows"], columns=[c["name"] for c in body["columns"]])

    def models(self) -> builtins.list[dict[str, Any]]:
        """Registered models with an ONNX form, with their versions and signature."""
        models: builtins.list[dict[str, Any]] = self._one("GET", "/scoring/models")["models"]
        return models

    def mapping(
        self, database: str, table: str, model: str, mapping: dict[str, str | None] | None = None
    ) -> dict[str, Any]:
        """The column mapping (matched by name unless given) and each input's check."""
        body = {"database": database, "table": table, "model": model, "mapping": mapping}
        return self._one("POST", "/scoring/mapping", json=body)

    def store_model(self, database: str, model: str) -> dict[str, Any]:
        """Copy registered model ``name[:version]`` into the database's kumi_models table."""
        body = {"database": database, "model": model}
        return self._one("POST", "/scoring/stored-models", json=body)

    def submit(
        self,
        database: str,
        table: str,
        model: str,
        target: str,
        *,
        mapping: dict[str, str | None] | None = None,
        score_columns: builtins.list[str] | None = None,
        output: str = "table",
    ) -> dict[str, Any]:
        """Start scoring ``table`` into table ``target`` (``output="view"``: a view scoring
        inside PostgreSQL); the queued run."""
        body = {
            "database": database,
            "table": table,
            "model": model,
            "target": target,
            "mapping": mapping,
            "score_columns": score_columns,
            "output": output,
        }
        return self._one("POST", "/scoring/jobs", json=body)

    def get(self, job_id: str) -> dict[str, Any]:
        """The run: status, rows_done / rows_total, error, sql and result preview."""
        return self._one("GET", f"/scoring/jobs/{part(job_id)}")

    def wait(
        self, job_id: str, timeout: float | None = None, poll_s: float = 0.5
    ) -> dict[str, Any]:
        """The run once completed or failed (check its ``status``); ``TimeoutError`` after
        ``timeout`` seconds."""
        return wait_until_finished(
            lambda: self.get(job_id),
            FINISHED,
            timeout,
            poll_s,
            lambda job: (
                f"Scoring run '{job_id}' is still {job['status']} after {timeout} s; wait longer."
            ),
        )

    def _one(self, method: str, path: str, **kw: Any) -> dict[str, Any]:
        answer: dict[str, Any] = self._http.request(method, path, **kw)
        return answer
