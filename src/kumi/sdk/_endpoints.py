"""Real-time endpoints: deploy, list, keys, metrics, logs, and scoring through them."""

from __future__ import annotations

import builtins
from typing import Any, Literal

import httpx

from kumi.sdk._errors import error_from_response, unreachable
from kumi.sdk._http import Http, part


class Endpoints:
    """``client.endpoints``: real-time endpoints of the workspace."""

    def __init__(self, http: Http) -> None:
        self._http = http

    def deploy(
        self,
        name: str,
        *,
        run_id: str | None = None,
        pipeline: str | None = None,
        description: str = "",
        extra_columns: Literal["ignore", "reject"] = "ignore",
    ) -> dict[str, Any]:
        """Deploy a training run's real-time inference pipeline (``run_id``) or a saved
        real-time pipeline (``pipeline``) as endpoint ``name``."""
        body = {
            "name": name,
            "run_id": run_id,
            "pipeline": pipeline,
            "description": description,
            "extra_columns": extra_columns,
        }
        return self._one("POST", "/endpoints", json=body)

    def list(self) -> builtins.list[dict[str, Any]]:
        body: dict[str, Any] = self._http.request("GET", "/endpoints")
        endpoints: builtins.list[dict[str, Any]] = body["endpoints"]
        return endpoints

    def get(self, name: str) -> dict[str, Any]:
        return self._one("GET", f"/endpoints/{part(name)}")

    def delete(self, name: str) -> None:
        self._http.request("DELETE", f"/endpoints/{part(name)}")

    def keys(self, name: str) -> dict[str, str]:
        """``{"primary_key", "secondary_key"}``."""
        keys: dict[str, str] = self._http.request("GET", f"/endpoints/{part(name)}/keys")
        return keys

    def regenerate_key(
        self, name: str, key_type: Literal["primary", "secondary"] = "primary"
    ) -> dict[str, str]:
        """New keys (the other one keeps working)."""
        path = f"/endpoints/{part(name)}/keys/regenerate"
        keys: dict[str, str] = self._http.request("POST", path, json={"key_type": key_type})
        return keys

    def metrics(self, name: str, *, minutes: int = 60) -> dict[str, Any]:
        """Requests, errors, latency percentiles and per-minute counts."""
        path = f"/endpoints/{part(name)}/metrics"
        return self._one("GET", path, params={"minutes": minutes})

    def logs(self, name: str, *, tail: int = 200) -> builtins.list[str]:
        body: dict[str, Any] = self._http.request(
            "GET", f"/endpoints/{part(name)}/logs", params={"tail": tail}
        )
        lines: builtins.list[str] = body["lines"]
        return lines

    def score(
        self, name: str, rows: builtins.list[dict[str, Any]], *, key: str | None = None
    ) -> builtins.list[dict[str, Any]]:
        """Score ``rows`` through the endpoint (``/score``); the rows of its first output."""
        key = key or self.keys(name)["primary_key"]
        endpoint = self.get(name)
        input_name = next(iter(endpoint["signature"]["inputs"]), "input1")
        body = {"Inputs": {input_name: rows}, "GlobalParameters": {}}
        try:
            response = self._http.client.post(
                endpoint["scoring_uri"], json=body, headers={"Authorization": f"Bearer {key}"}
            )
        except httpx.TransportError as problem:
            raise unreachable(self._http.url, problem) from problem
        if response.is_error:
            raise error_from_response(response)
        results: dict[str, builtins.list[dict[str, Any]]] = response.json()["Results"]
        return next(iter(results.values()), [])

    def _one(self, method: str, path: str, **kw: Any) -> dict[str, Any]:
        answer: dict[str, Any] = self._http.request(method, path, **kw)
        return answer
