"""Pipeline endpoints: publish a pipeline as a versioned endpoint, submit runs with Azure's
published-pipeline request, list the runs each endpoint started."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Query, Request, Response
from pydantic import BaseModel, ConfigDict, Field

from kumi.api.dependencies import WorkspaceDep
from kumi.api.routers.runs import run_brief
from kumi.core.errors import InvalidParameterError, NotFoundError
from kumi.registry import ComponentRegistry
from kumi.services import pipeline_endpoints as service
from kumi.services.run_queue import RunQueue
from kumi.storage.pipeline_endpoints import PipelineEndpoint, PipelineEndpointRun
from kumi.storage.workspace import Workspace

router = APIRouter(prefix="/pipeline-endpoints", tags=["pipeline endpoints"])


class PublishBody(BaseModel):
    """Publish saved pipeline ``pipeline`` (latest version unless ``pipeline_version``) as
    the next version of endpoint ``name``."""

    name: str = Field(min_length=1, max_length=256)
    pipeline: str = Field(min_length=1, max_length=256)
    pipeline_version: int | None = Field(None, ge=1)
    description: str | None = None
    set_default: bool | None = Field(
        None, description="Make this version the default (the first version always is)."
    )


class DefaultBody(BaseModel):
    default_version: int = Field(ge=1)


class SubmitBody(BaseModel):
    """Azure's published-pipeline request."""

    model_config = ConfigDict(populate_by_name=True)

    experiment_name: str = Field(alias="ExperimentName", min_length=1, max_length=256)
    parameter_assignments: dict[str, Any] = Field(
        default_factory=dict, alias="ParameterAssignments"
    )
    version: int | str | None = Field(None, alias="Version")
    description: str = Field("", alias="Description")
    tags: dict[str, Any] = Field(default_factory=dict, alias="Tags")


def endpoint_json(request: Request, endpoint: PipelineEndpoint) -> dict[str, Any]:
    base = str(request.base_url).rstrip("/")
    submit_uri = f"{base}/api/pipeline-endpoints/{quote(endpoint.name, safe='')}/submit"
    return {**endpoint.to_dict(), "submit_uri": submit_uri}


def _queue(request: Request) -> RunQueue:
    queue: RunQueue = request.app.state.run_queue
    return queue


def _registry(request: Request) -> ComponentRegistry:
    registry: ComponentRegistry = request.app.state.registry
    return registry


@router.post("", status_code=201)
def publish(body: PublishBody, request: Request, workspace: WorkspaceDep) -> dict[str, Any]:
    """Publish a saved pipeline; publishing to an existing name adds a version."""
    endpoint = service.publish(
        workspace,
        body.name,
        body.pipeline,
        pipeline_version=body.pipeline_version,
        description=body.description,
        set_default=body.set_default,
        registry=_registry(request),
    )
    return endpoint_json(request, endpoint)


@router.get("")
def list_endpoints(request: Request, workspace: WorkspaceDep) -> dict[str, Any]:
    return {
        "pipeline_endpoints": [
            endpoint_json(request, e) for e in workspace.pipeline_endpoints.list()
        ]
    }


@router.get("/{name}")
def get_endpoint(name: str, request: Request, workspace: WorkspaceDep) -> dict[str, Any]:
    return endpoint_json(request, workspace.pipeline_endpoints.get(name))


@router.patch("/{name}")
def set_default(
    name: str, body: DefaultBody, request: Request, workspace: WorkspaceDep
) -> dict[str, Any]:
    """Choose the version a submission without ``Version`` runs."""
    return endpoint_json(
        request, workspace.pipeline_endpoints.set_default(name, body.default_version)
    )


@router.delete("/{name}", status_code=204)
def delete_endpoint(name: str, workspace: WorkspaceDep) -> Response:
    """Forget the endpoint and its versions (its runs stay; its schedules stop firing)."""
    workspace.pipeline_endpoints.delete(name)
    return Response(status_code=204)


@router.post("/{name}/submit", status_code=202)
def submit(
    name: str, body: SubmitBody, request: Request, workspace: WorkspaceDep
) -> dict[str, Any]:
    """Queue a run with these parameter values; poll ``status_uri`` for its state."""
    submitted = service.submit(
        workspace,
        _queue(request),
        name,
        experiment_name=body.experiment_name,
        parameter_assignments=body.parameter_assignments,
        version=_version(body.version),
        description=body.description,
        tags=body.tags,
    )
    run = submitted.run
    base = str(request.base_url).rstrip("/")
    return {
        "Id": run.id,
        "run_id": run.id,
        "status": run.status,
        "version": submitted.endpoint_run.version,
        "status_uri": f"{base}/api/runs/{run.id}",
    }


@router.get("/{name}/runs")
def endpoint_runs(
    name: str, workspace: WorkspaceDep, limit: Annotated[int, Query(ge=1, le=1000)] = 100
) -> dict[str, Any]:
    """Runs started through the endpoint, newest first."""
    return {
        "runs": [
            _run_json(workspace, r) for r in workspace.pipeline_endpoints.runs(name, limit=limit)
        ]
    }


def _run_json(workspace: Workspace, record: PipelineEndpointRun) -> dict[str, Any]:
    extra = {k: v for k, v in record.to_dict().items() if k not in ("run_id", "created_at")}
    try:
        return {**run_brief(workspace.runs.get(record.run_id)), **extra}
    except NotFoundError:  # the run was deleted
        return {"run_id": record.run_id, "status": "deleted", **extra}


def _version(value: int | str | None) -> int | None:
    """``Version`` as a number (Azure's clients send it as a string)."""
    if value is None or isinstance(value, int):
        return value
    if value.strip().isdigit():
        return int(value)
    raise InvalidParameterError(
        f'Version \'{value}\' is not a version number; pass e.g. "Version": "2" or leave it '
        "out to run the default version.",
        details={"version": value},
    )
