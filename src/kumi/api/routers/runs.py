"""Pipeline runs: submit, list, status, cancel, logs (live), step outputs; experiments."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel, Field, model_validator

from kumi.api.datasets_view import table_preview
from kumi.api.dependencies import WorkspaceDep
from kumi.api.jsonsafe import json_safe
from kumi.core.contracts import OutputRef
from kumi.core.errors import InvalidInputError, NotFoundError
from kumi.core.models import EvaluationReport
from kumi.core.types import PortType
from kumi.engine import load_output, load_table_head
from kumi.graph import PipelineDocument
from kumi.services.run_queue import RunQueue
from kumi.storage.profile import profile_table
from kumi.storage.records import Run, RunBrief, RunStep
from kumi.storage.runs import FINISHED_STATUSES
from kumi.storage.workspace import Workspace

router = APIRouter(tags=["runs"])

EVENT_POLL_S = 0.5
FINISHED = frozenset({"completed", "failed", "canceled"})


class SubmitBody(BaseModel):
    """What to run: a saved pipeline (``pipeline``, optional ``version``) or a document."""

    pipeline: str | None = None
    version: int | None = Field(None, ge=1)
    document: dict[str, Any] | None = None
    parameters: dict[str, Any] = Field(default_factory=dict)
    experiment: str | None = Field(None, min_length=1, max_length=256)
    regenerate: bool | list[str] = Field(
        False, description="Run every step again (true) or these nodes' steps, reusing nothing."
    )

    @model_validator(mode="after")
    def _one_source(self) -> SubmitBody:
        if (self.pipeline is None) == (self.document is None):
            raise ValueError("give either 'pipeline' (a saved pipeline's name) or 'document'")
        return self


def _queue(request: Request) -> RunQueue:
    queue: RunQueue = request.app.state.run_queue
    return queue


def run_brief(run: Run | RunBrief) -> dict[str, Any]:
    data = run.to_dict()
    seconds = (
        (run.finished_at - run.started_at).total_seconds()
        if run.started_at and run.finished_at
        else None
    )
    return {
        "run_id": run.id,
        "pipeline_name": run.pipeline_name,
        "experiment": run.experiment,
        "status": run.status,
        "metrics": json_safe(run.metrics),
        "error": run.error,
        "created_at": data["created_at"],
        "started_at": data["started_at"],
        "finished_at": data["finished_at"],
        "seconds": seconds,
    }


def run_detail(workspace: Workspace, run: Run) -> dict[str, Any]:
    return {
        **run_brief(run),
        "document": run.document,
        "parameters": run.parameters,
        "mlflow_run_id": run.mlflow_run_id,
        "regenerate": run.regenerate,
        "steps": [json_safe(step.to_dict()) for step in workspace.runs.steps(run.id)],
    }


@router.post("/runs", status_code=202)
def submit(body: SubmitBody, request: Request, workspace: WorkspaceDep) -> dict[str, Any]:
    """Queue a run; it starts when the runs before it are done (poll it or its events)."""
    if body.pipeline is not None:
        raw = workspace.pipelines.get(body.pipeline, body.version).document
    else:
        raw = body.document or {}
    run = _queue(request).submit(
        PipelineDocument.from_dict(raw),
        parameter_values=body.parameters,
        experiment=body.experiment,
        regenerate=body.regenerate,
    )
    return run_detail(workspace, run)


@router.get("/runs")
def list_runs(
    *,
    workspace: WorkspaceDep,
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
    status: str | None = None,
    experiment: str | None = None,
    pipeline: str | None = None,
) -> JSONResponse:
    """Runs, newest first."""
    runs = workspace.runs.briefs(
        limit=limit, offset=offset, status=status, experiment=experiment, pipeline_name=pipeline
    )
    return JSONResponse({"runs": [run_brief(run) for run in runs]})  # already plain JSON


@router.get("/runs/{run_id}")
def get_run(run_id: str, workspace: WorkspaceDep) -> dict[str, Any]:
    """A run with its document, parameters and every step's state."""
    return run_detail(workspace, workspace.runs.get(run_id))


@router.post("/runs/{run_id}/cancel")
def cancel(run_id: str, request: Request, workspace: WorkspaceDep) -> dict[str, Any]:
    """Cancel a queued or running run (running steps are stopped)."""
    return run_brief(_queue(request).cancel(run_id))


@router.get("/runs/{run_id}/events")
async def events(run_id: str, workspace: WorkspaceDep) -> StreamingResponse:
    """Server-sent events: a ``run`` event (the run with its steps) whenever it changes,
    until it finishes."""
    workspace.runs.get(run_id)

    async def stream() -> AsyncIterator[str]:
        last = None
        while True:
            detail = await asyncio.to_thread(run_detail, workspace, workspace.runs.get(run_id))
            text = json.dumps(detail, sort_keys=True)
            if text != last:
                yield f"event: run\ndata: {text}\n\n"
                last = text
            if detail["status"] in FINISHED:
                yield "event: end\ndata: {}\n\n"
                return
            await asyncio.sleep(EVENT_POLL_S)

    return StreamingResponse(stream(), media_type="text/event-stream")


@router.get("/runs/{run_id}/steps/{node_id}/log")
def step_log(
    run_id: str,
    node_id: str,
    workspace: WorkspaceDep,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> dict[str, Any]:
    """A step's log from byte ``offset`` on (poll with the returned ``offset``)."""
    step = _step(workspace, run_id, node_id)
    text, end = _read_log(_log_path(workspace, step), offset)
    return {"text": text, "offset": end, "finished": step.status in FINISHED_STATUSES}


@router.get("/runs/{run_id}/steps/{node_id}/log/stream")
async def step_log_stream(run_id: str, node_id: str, workspace: WorkspaceDep) -> StreamingResponse:
    """Server-sent events: ``log`` events with new lines of a step's log while it runs."""
    _step(workspace, run_id, node_id)

    async def stream() -> AsyncIterator[str]:
        offset = 0
        while True:
            step = await asyncio.to_thread(_step, workspace, run_id, node_id)
            text, offset = _read_log(_log_path(workspace, step), offset)
            if text:
                yield f"event: log\ndata: {json.dumps(text)}\n\n"
            if step.status in FINISHED_STATUSES:
                yield "event: end\ndata: {}\n\n"
                return
            await asyncio.sleep(EVENT_POLL_S)

    return StreamingResponse(stream(), media_type="text/event-stream")


@router.get("/runs/{run_id}/steps/{node_id}/outputs/{port}")
def step_output(
    run_id: str,
    node_id: str,
    port: str,
    workspace: WorkspaceDep,
    rows: Annotated[int, Query(ge=1, le=1000)] = 50,
) -> dict[str, Any]:
    """A step output: a table's first rows, an evaluation report, or a model's description."""
    ref = _output_ref(workspace, run_id, node_id, port)
    kind = PortType(ref.port_type)
    body: dict[str, Any] = {"run_id": run_id, "node_id": node_id, "port": port, "type": kind}
    if kind == PortType.TABLE:
        return {**body, **table_preview(load_table_head(workspace.artifacts, ref, rows))}
    value = load_output(workspace.artifacts, ref)
    if isinstance(value, EvaluationReport):
        return {**body, "report": json_safe(value.to_dict())}
    describe = getattr(value, "describe", None)
    return {**body, "description": json_safe(describe() if callable(describe) else str(value))}


@router.get("/runs/{run_id}/steps/{node_id}/outputs/{port}/profile")
def step_output_profile(run_id: str, node_id: str, port: str, workspace: WorkspaceDep) -> Any:
    """Per-column statistics of a table output, as for datasets."""
    ref = _output_ref(workspace, run_id, node_id, port)
    if ref.port_type != PortType.TABLE:
        raise InvalidInputError(
            f"Output '{port}' of step '{node_id}' is a {ref.port_type}, not a table; only "
            "tables have a profile.",
            details={"port": port, "type": ref.port_type},
        )
    table = load_output(workspace.artifacts, ref)
    return JSONResponse(
        {
            "run_id": run_id,
            "node_id": node_id,
            "port": port,
            "profile": json_safe(profile_table(table)),
        }
    )


@router.get("/experiments")
def experiments(workspace: WorkspaceDep) -> dict[str, Any]:
    """Named groups of runs."""
    return {"experiments": [json_safe(e.to_dict()) for e in workspace.experiments.list()]}


def _step(workspace: Workspace, run_id: str, node_id: str) -> RunStep:
    steps = workspace.runs.steps(run_id)
    for step in steps:
        if step.node_id == node_id:
            return step
    raise NotFoundError(
        f"Run '{run_id}' has no step '{node_id}' (its steps: "
        f"{', '.join(s.node_id for s in steps) or 'none yet'}).",
        details={"run_id": run_id, "node_id": node_id},
    )


def _output_ref(workspace: Workspace, run_id: str, node_id: str, port: str) -> OutputRef:
    step = _step(workspace, run_id, node_id)
    ref = step.outputs.get(port)
    if ref is None:
        raise NotFoundError(
            f"Step '{node_id}' of run '{run_id}' has no stored output '{port}' (its outputs: "
            f"{', '.join(step.outputs) or 'none yet'}).",
            details={"port": port, "outputs": sorted(step.outputs)},
        )
    return ref


def _log_path(workspace: Workspace, step: RunStep) -> Path:
    if step.log_key is not None:
        return workspace.path / step.log_key
    return workspace.path / "logs" / step.run_id / f"{step.node_id}.log"


def _read_log(path: Path, offset: int) -> tuple[str, int]:
    """The log's text from byte ``offset`` on and the offset to read from next; a character
    still being written (an unfinished UTF-8 sequence at the end) waits for the next read."""
    if not path.is_file():
        return "", offset
    with path.open("rb") as log:
        log.seek(offset)
        data = log.read()
    complete = len(data) - _unfinished_tail(data)
    return data[:complete].decode("utf-8", errors="replace"), offset + complete


def _unfinished_tail(data: bytes) -> int:
    """How many bytes at the end of ``data`` begin a UTF-8 character not yet complete."""
    for back in range(1, min(4, len(data)) + 1):
        byte = data[-back]
        if byte & 0xC0 == 0x80:  # a continuation byte: look further back for the lead
            continue
        length = 1 if byte < 0x80 else 2 if byte < 0xE0 else 3 if byte < 0xF0 else 4
        return back if length > back else 0
    return 0
