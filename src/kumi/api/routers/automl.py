"""AutoML jobs: submit, list, show, cancel, deploy, open in the designer, retraining script."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import PlainTextResponse
from pydantic import BaseModel, Field

from kumi.api.dependencies import WorkspaceDep
from kumi.api.routers.pipelines import pipeline_json
from kumi.services.automl_jobs import (
    AutoMLJobRequest,
    cancel_job,
    deploy_job,
    designer_pipeline,
    get_job,
    job_script,
    list_jobs,
    submit_job,
)
from kumi.services.endpoints import endpoint_json

router = APIRouter(prefix="/automl", tags=["automl"])


class DeployJobBody(BaseModel):
    name: str = Field(min_length=1, max_length=128, description="The new endpoint's name.")


class PipelineBody(BaseModel):
    name: str | None = Field(None, description="The new pipeline's name (None: <job>-designer).")


@router.post("/jobs", status_code=202)
def submit(body: AutoMLJobRequest, workspace: WorkspaceDep) -> dict[str, Any]:
    """Check the job against the dataset and run it in the background; the queued job."""
    return submit_job(workspace, body).to_dict()


@router.get("/jobs")
def jobs(workspace: WorkspaceDep) -> dict[str, Any]:
    """Every job, newest first."""
    return {"jobs": [job.summary() for job in list_jobs(workspace)]}


@router.get("/jobs/{job_id}")
def job(job_id: str, workspace: WorkspaceDep) -> dict[str, Any]:
    """The job, with its live progress and leaderboard, and its result once completed."""
    return get_job(workspace, job_id).to_dict()


@router.post("/jobs/{job_id}/cancel")
def cancel(job_id: str, workspace: WorkspaceDep) -> dict[str, Any]:
    """Stop a queued or running job (the trials done so far are kept)."""
    return cancel_job(workspace, job_id).to_dict()


@router.post("/jobs/{job_id}/deploy", status_code=201)
def deploy(
    job_id: str, body: DeployJobBody, request: Request, workspace: WorkspaceDep
) -> dict[str, Any]:
    """Deploy the best model as a real-time endpoint."""
    endpoint = deploy_job(workspace, job_id, body.name, registry=request.app.state.registry)
    return endpoint_json(endpoint, str(request.base_url).rstrip("/"))


@router.post("/jobs/{job_id}/pipeline", status_code=201)
def pipeline(
    job_id: str, workspace: WorkspaceDep, body: PipelineBody | None = None
) -> dict[str, Any]:
    """A new designer pipeline scoring the job's dataset with its best model."""
    name = body.name if body is not None else None
    return {"pipeline": pipeline_json(designer_pipeline(workspace, job_id, name))}


@router.get("/jobs/{job_id}/script", response_class=PlainTextResponse)
def script(job_id: str, workspace: WorkspaceDep) -> PlainTextResponse:
    """The Python script that retrains the best model."""
    return PlainTextResponse(job_script(workspace, job_id), media_type="text/x-python")
