"""Inference pipelines derived from completed training runs."""

from __future__ import annotations

from typing import Any

from kumi.sdk._http import Http, part


class Inference:
    """``client.inference``: real-time and batch inference pipelines of a training run."""

    def __init__(self, http: Http) -> None:
        self._http = http

    def create(
        self, run_id: str, kind: str = "realtime", name: str | None = None
    ) -> dict[str, Any]:
        """Derive and save the run's ``kind`` ("realtime" or "batch") inference pipeline;
        returns ``{"pipeline", "kind", "training_run_id", "dropped", "frozen",
        "input_schema"}``."""
        body: dict[str, Any] = {"kind": kind}
        if name is not None:
            body["name"] = name
        path = f"/runs/{part(run_id)}/inference-pipelines"
        derived: dict[str, Any] = self._http.request("POST", path, json=body)
        return derived

    def preview(self, run_id: str, kind: str = "realtime") -> dict[str, Any]:
        """The same as :meth:`create` without saving (``pipeline`` is the document)."""
        path = f"/runs/{part(run_id)}/inference-pipelines/preview"
        derived: dict[str, Any] = self._http.request("GET", path, params={"kind": kind})
        return derived
