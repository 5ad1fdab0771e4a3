"""Schedules: cron expressions that start a pipeline endpoint's runs."""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from typing import Any

from kumi.sdk._http import Http, part


class Schedules:
    """``client.schedules``: when the studio starts pipeline endpoints' runs."""

    def __init__(self, http: Http) -> None:
        self._http = http

    def create(
        self,
        endpoint: str,
        name: str,
        cron: str,
        *,
        timezone: str = "UTC",
        parameter_assignments: Mapping[str, Any] | None = None,
        experiment_name: str | None = None,
        version: int | None = None,
    ) -> dict[str, Any]:
        """Run ``endpoint`` whenever ``cron`` (five fields, in ``timezone``) says."""
        body = {
            "name": name,
            "cron": cron,
            "timezone": timezone,
            "parameter_assignments": dict(parameter_assignments or {}),
            "experiment_name": experiment_name,
            "version": version,
        }
        return self._one("POST", f"/pipeline-endpoints/{part(endpoint)}/schedules", json=body)

    def list(self, endpoint: str | None = None) -> builtins.list[dict[str, Any]]:
        body: dict[str, Any] = self._http.request(
            "GET", "/schedules", params={"endpoint": endpoint}
        )
        schedules: builtins.list[dict[str, Any]] = body["schedules"]
        return schedules

    def get(self, schedule_id: str) -> dict[str, Any]:
        return self._one("GET", f"/schedules/{part(schedule_id)}")

    def pause(self, schedule_id: str) -> dict[str, Any]:
        return self._one("PATCH", f"/schedules/{part(schedule_id)}", json={"paused": True})

    def resume(self, schedule_id: str) -> dict[str, Any]:
        """Fire again from the next due time (fires missed while paused are skipped)."""
        return self._one("PATCH", f"/schedules/{part(schedule_id)}", json={"paused": False})

    def delete(self, schedule_id: str) -> None:
        self._http.request("DELETE", f"/schedules/{part(schedule_id)}")

    def _one(self, method: str, path: str, **kw: Any) -> dict[str, Any]:
        answer: dict[str, Any] = self._http.request(method, path, **kw)
        return answer
