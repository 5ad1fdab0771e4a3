"""The scoring wizard: a database's tables and previews, the models that can score them,
the column mapping and its checks, and scoring runs in the background."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request

from kumi.api.dependencies import WorkspaceDep
from kumi.api.jsonsafe import json_safe
from kumi.services.scoring_wizard import (
    MappingRequest,
    ScoringJobRequest,
    ScoringJobs,
    StoreModelRequest,
    frame_json,
    list_models,
    list_tables,
    load_model,
    mapping_checks,
    model_json,
    plan_scoring,
    preview,
    store_model,
    table_columns,
)

router = APIRouter(prefix="/scoring", tags=["scoring"])

DatabaseQuery = Annotated[str, Query(description="A DuckDB file path or a postgresql:// URL.")]


def _jobs(request: Request) -> ScoringJobs:
    jobs: ScoringJobs = request.app.state.scoring_jobs
    return jobs


JobsDep = Annotated[ScoringJobs, Depends(_jobs)]


@router.get("/tables")
def tables(database: DatabaseQuery) -> dict[str, Any]:
    """The tables and views of the database."""
    return {"tables": list_tables(database)}


@router.get("/preview")
def table_preview(
    database: DatabaseQuery,
    table: Annotated[str, Query(description="The table or view.")],
    rows: Annotated[int, Query(ge=1, le=200)] = 20,
) -> dict[str, Any]:
    """The table's columns (with the kind of values each holds) and its first rows."""
    columns = [c.to_dict() for c in table_columns(database, table)]
    first = frame_json(preview(database, table, rows))["rows"]
    return json_safe({"table": table, "columns": columns, "rows": first})


@router.get("/models")
def models(workspace: WorkspaceDep) -> dict[str, Any]:
    """Registered models with an ONNX form, each with its versions and signature."""
    return {"models": list_models(workspace.tracking_uri)}


@router.post("/stored-models", status_code=201)
def stored_model(body: StoreModelRequest, workspace: WorkspaceDep) -> dict[str, Any]:
    """Copy a registered model into the database's kumi_models table (SQL there finds it)."""
    return store_model(body, workspace.tracking_uri)


@router.post("/mapping")
def mapping(body: MappingRequest, workspace: WorkspaceDep) -> dict[str, Any]:
    """The column mapping (matched by name unless given) and how each model input fits."""
    checks = mapping_checks(body, workspace.tracking_uri)
    model = model_json(load_model(body.model, workspace.tracking_uri))
    return {
        "model": model,
        "mapping": {c.model_input: c.column for c in checks},
        "checks": [c.to_dict() for c in checks],
        "runnable": all(c.status in ("ok", "converted") for c in checks),
    }


@router.post("/jobs", status_code=202)
def submit(body: ScoringJobRequest, workspace: WorkspaceDep, jobs: JobsDep) -> dict[str, Any]:
    """Check the run and start it in the background; the queued job to poll."""
    return json_safe(jobs.start(plan_scoring(body, workspace.tracking_uri)).to_dict())


@router.get("/jobs/{job_id}")
def job(job_id: str, jobs: JobsDep) -> dict[str, Any]:
    """The run's status, progress (rows scored of all), error, SQL and result preview."""
    return json_safe(jobs.get(job_id).to_dict())
