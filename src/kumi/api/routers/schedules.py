"""Schedules: cron expressions that submit a pipeline endpoint's runs."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Response
from pydantic import BaseModel, Field

from kumi.api.dependencies import WorkspaceDep
from kumi.services import schedules as service
from kumi.storage.schedules import Schedule

router = APIRouter(tags=["schedules"])


class ScheduleBody(BaseModel):
    name: str = Field(min_length=1, max_length=256)
    cron: str = Field(min_length=1, max_length=256, description=service.CRON_HELP)
    timezone: str = Field("UTC", min_length=1, max_length=64)
    parameter_assignments: dict[str, Any] = Field(default_factory=dict)
    experiment_name: str | None = Field(None, min_length=1, max_length=256)
    version: int | None = Field(None, ge=1, description="None: the endpoint's default version.")


class PauseBody(BaseModel):
    paused: bool


def schedule_json(schedule: Schedule) -> dict[str, Any]:
    return schedule.to_dict()


@router.post("/pipeline-endpoints/{name}/schedules", status_code=201)
def create_schedule(name: str, body: ScheduleBody, workspace: WorkspaceDep) -> dict[str, Any]:
    """Run the endpoint on a cron schedule."""
    schedule = service.create_schedule(
        workspace,
        name,
        name=body.name,
        cron=body.cron,
        timezone=body.timezone,
        parameter_assignments=body.parameter_assignments,
        experiment_name=body.experiment_name,
        version=body.version,
    )
    return schedule_json(schedule)


@router.get("/pipeline-endpoints/{name}/schedules")
def endpoint_schedules(name: str, workspace: WorkspaceDep) -> dict[str, Any]:
    workspace.pipeline_endpoints.get(name)
    return {"schedules": [schedule_json(s) for s in workspace.schedules.list(endpoint=name)]}


@router.get("/schedules")
def list_schedules(workspace: WorkspaceDep, endpoint: str | None = None) -> dict[str, Any]:
    return {"schedules": [schedule_json(s) for s in workspace.schedules.list(endpoint=endpoint)]}


@router.get("/schedules/{schedule_id}")
def get_schedule(schedule_id: str, workspace: WorkspaceDep) -> dict[str, Any]:
    return schedule_json(workspace.schedules.get(schedule_id))


@router.patch("/schedules/{schedule_id}")
def pause(schedule_id: str, body: PauseBody, workspace: WorkspaceDep) -> dict[str, Any]:
    """Pause, or resume (from the next fire time: missed fires are skipped)."""
    return schedule_json(service.set_paused(workspace, schedule_id, body.paused))


@router.delete("/schedules/{schedule_id}", status_code=204)
def delete_schedule(schedule_id: str, workspace: WorkspaceDep) -> Response:
    workspace.schedules.delete(schedule_id)
    return Response(status_code=204)
