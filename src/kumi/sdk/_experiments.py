"""Experiments: named groups of runs."""

from __future__ import annotations

from typing import Any

from kumi.sdk._http import Http


class Experiments:
    """``client.experiments``: the names runs are grouped under."""

    def __init__(self, http: Http) -> None:
        self._http = http

    def list(self) -> list[dict[str, Any]]:
        """Every experiment."""
        body: dict[str, Any] = self._http.request("GET", "/experiments")
        experiments: list[dict[str, Any]] = body["experiments"]
        return experiments
