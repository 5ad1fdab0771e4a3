"""Pipeline endpoints: publish pipelines as versioned endpoints and start their runs."""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from typing import Any

from kumi.sdk._http import Http, part


class PipelineEndpoints:
    """``client.pipeline_endpoints``: published, versioned pipelines started by a request
    in Azure's published-pipeline shape."""

    def __init__(self, http: Http) -> None:
        self._http = http

    def publish(
        self,
        name: str,
        pipeline: str,
        *,
        pipeline_version: int | None = None,
        description: str | None = None,
        set_default: bool | None = None,
    ) -> dict[str, Any]:
        """Publish saved pipeline ``pipeline`` as the next version of endpoint ``name``."""
        body = {
            "name": name,
            "pipeline": pipeline,
            "pipeline_version": pipeline_version,
            "description": description,
            "set_default": set_default,
        }
        return self._one("POST", "/pipeline-endpoints", json=body)

    def list(self) -> list[dict[str, Any]]:
        body: dict[str, Any] = self._http.request("GET", "/pipeline-endpoints")
        endpoints: list[dict[str, Any]] = body["pipeline_endpoints"]
        return endpoints

    def get(self, name: str) -> dict[str, Any]:
        return self._one("GET", f"/pipeline-endpoints/{part(name)}")

    def set_default(self, name: str, version: int) -> dict[str, Any]:
        """Make ``version`` the one a submission without a version runs."""
        body = {"default_version": version}
        return self._one("PATCH", f"/pipeline-endpoints/{part(name)}", json=body)

    def delete(self, name: str) -> None:
        self._http.request("DELETE", f"/pipeline-endpoints/{part(name)}")

    def submit(
        self,
        name: str,
        experiment_name: str,
        parameter_assignments: Mapping[str, Any] | None = None,
        *,
        version: int | None = None,
        description: str | None = None,
        tags: Mapping[str, Any] | None = None,
    ) -> dict[str, Any]:
        """Queue a run; ``{"Id", "run_id", "status", "status_uri"}`` (wait for it with
        ``client.runs.wait(answer["run_id"])``)."""
        body: dict[str, Any] = {
            "ExperimentName": experiment_name,
            "ParameterAssignments": dict(parameter_assignments or {}),
        }
        if version is not None:
            body["Version"] = version
        if description is not None:
            body["Description"] = description
        if tags is not None:
            body["Tags"] = dict(tags)
        return self._one("POST", f"/pipeline-endpoints/{part(name)}/submit", json=body)

    def runs(self, name: str) -> builtins.list[dict[str, Any]]:
        """Runs started through the endpoint, newest first, with version and trigger."""
        body: dict[str, Any] = self._http.request("GET", f"/pipeline-endpoints/{part(name)}/runs")
        runs: builtins.list[dict[str, Any]] = body["runs"]
        return runs

    def _one(self, method: str, path: str, **kw: Any) -> dict[str, Any]:
        answer: dict[str, Any] = self._http.request(method, path, **kw)
        return answer
