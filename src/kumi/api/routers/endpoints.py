"""Real-time endpoints: deploy, list, show, delete, keys, metrics and logs."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field

from kumi.api.dependencies import WorkspaceDep
from kumi.services.endpoints import (
    delete_endpoint,
    deploy_endpoint,
    endpoint_json,
    endpoint_keys,
    endpoint_logs,
    endpoint_metrics,
    regenerate_key,
)

router = APIRouter(prefix="/endpoints", tags=["endpoints"])


class DeployBody(BaseModel):
    name: str = Field(min_length=1, max_length=128)
    run_id: str | None = None
    pipeline: str | None = None
    description: str = ""
    extra_columns: Literal["ignore", "reject"] = "ignore"


class RegenerateBody(BaseModel):
    key_type: Literal["primary", "secondary"]


def _base_url(request: Request) -> str:
    return str(request.base_url).rstrip("/")


@router.post("", status_code=201)
def deploy(body: DeployBody, request: Request, workspace: WorkspaceDep) -> dict[str, Any]:
    """Deploy a training run's real-time inference pipeline, or a saved one."""
    endpoint = deploy_endpoint(
        workspace,
        body.name,
        run_id=body.run_id,
        pipeline=body.pipeline,
        description=body.description,
        extra_columns=body.extra_columns,
        registry=request.app.state.registry,
    )
    return endpoint_json(endpoint, _base_url(request))


@router.get("")
def list_endpoints(request: Request, workspace: WorkspaceDep) -> dict[str, Any]:
    base = _base_url(request)
    return {"endpoints": [endpoint_json(e, base) for e in workspace.endpoints.list()]}


@router.get("/{name}")
def get_endpoint(name: str, request: Request, workspace: WorkspaceDep) -> dict[str, Any]:
    return endpoint_json(workspace.endpoints.get(name), _base_url(request))


@router.delete("/{name}", status_code=204)
def delete(name: str, workspace: WorkspaceDep) -> None:
    delete_endpoint(workspace, name)


@router.get("/{name}/keys")
def keys(name: str, workspace: WorkspaceDep) -> dict[str, str]:
    """The primary and secondary keys (send one as ``Authorization: Bearer <key>``)."""
    return endpoint_keys(workspace, name)


@router.post("/{name}/keys/regenerate")
def regenerate(name: str, body: RegenerateBody, workspace: WorkspaceDep) -> dict[str, str]:
    """A new primary or secondary key; the other one keeps working."""
    return regenerate_key(workspace, name, body.key_type)


@router.get("/{name}/metrics")
def metrics(name: str, workspace: WorkspaceDep, minutes: int = 60) -> dict[str, Any]:
    """Requests, errors and latency percentiles over the last ``minutes``."""
    return endpoint_metrics(workspace, name, minutes=max(1, min(minutes, 60 * 24 * 7)))


@router.get("/{name}/logs")
def logs(name: str, workspace: WorkspaceDep, tail: int = 200) -> dict[str, Any]:
    """The last ``tail`` lines of the endpoint's request log."""
    return {"lines": endpoint_logs(workspace, name, tail=tail)}
