"""`kumi pipeline-endpoints publish|list|show|submit`."""

from __future__ import annotations

from typing import Annotated

import typer

from kumi.cli.options import (
    DEFAULT_WORKSPACE_PATH,
    JsonOption,
    WorkspaceOption,
    open_workspace,
    parse_assignments,
)
from kumi.cli.output import EXIT_FAILED, console, print_json, print_rows, reporting_errors
from kumi.services import pipeline_endpoints, workspace_engine
from kumi.services.pipeline_runs import execute_run
from kumi.storage.pipeline_endpoints import PipelineEndpoint

app = typer.Typer(
    help="Publish pipelines as versioned endpoints and start their runs.", no_args_is_help=True
)


def _print_endpoint(endpoint: PipelineEndpoint) -> None:
    console.print(
        f"pipeline endpoint [bold]{endpoint.name}[/] (default version "
        f"{endpoint.default_version}) {endpoint.description}"
    )
    rows = [
        [
            v.version,
            v.pipeline_name,
            v.pipeline_version,
            ", ".join(f"{k}={d!r}" for k, d in v.parameters.items()),
        ]
        for v in endpoint.versions
    ]
    print_rows("versions", ["version", "pipeline", "pipeline version", "parameters"], rows)


@app.command("publish")
def publish(
    name: Annotated[str, typer.Argument(help="Endpoint name.")],
    pipeline: Annotated[str, typer.Option("--pipeline", help="Saved pipeline to publish.")],
    pipeline_version: Annotated[
        int | None, typer.Option(help="Its version (default: the latest).")
    ] = None,
    description: Annotated[str | None, typer.Option(help="What the endpoint does.")] = None,
    set_default: Annotated[
        bool, typer.Option("--set-default", help="Make this version the default.")
    ] = False,
    workspace: WorkspaceOption = DEFAULT_WORKSPACE_PATH,
    as_json: JsonOption = False,
) -> None:
    """Publish a saved pipeline as the next version of endpoint NAME."""
    with reporting_errors(as_json=as_json), open_workspace(workspace) as ws:
        endpoint = pipeline_endpoints.publish(
            ws,
            name,
            pipeline,
            pipeline_version=pipeline_version,
            description=description,
            set_default=set_default or None,
        )
    if as_json:
        print_json(endpoint.to_dict())
    else:
        _print_endpoint(endpoint)


@app.command("list")
def list_endpoints(
    workspace: WorkspaceOption = DEFAULT_WORKSPACE_PATH, as_json: JsonOption = False
) -> None:
    """Every pipeline endpoint."""
    with reporting_errors(as_json=as_json), open_workspace(workspace) as ws:
        endpoints = ws.pipeline_endpoints.list()
    if as_json:
        print_json([e.to_dict() for e in endpoints])
        return
    rows = [[e.name, e.default_version, len(e.versions), e.description] for e in endpoints]
    print_rows("pipeline endpoints", ["name", "default", "versions", "description"], rows)


@app.command("show")
def show(
    name: str, workspace: WorkspaceOption = DEFAULT_WORKSPACE_PATH, as_json: JsonOption = False
) -> None:
    """An endpoint's versions and the runs it started."""
    with reporting_errors(as_json=as_json), open_workspace(workspace) as ws:
        endpoint = ws.pipeline_endpoints.get(name)
        runs = ws.pipeline_endpoints.runs(name)
    if as_json:
        print_json({**endpoint.to_dict(), "runs": [r.to_dict() for r in runs]})
        return
    _print_endpoint(endpoint)
    rows = [
        [r.run_id, r.version, r.trigger, r.created_at.strftime("%Y-%m-%d %H:%M:%S")] for r in runs
    ]
    print_rows("runs", ["run id", "version", "trigger", "created"], rows)


@app.command("submit")
def submit(
    name: str,
    experiment: Annotated[
        str | None, typer.Option(help="Experiment name (default: the endpoint's name).")
    ] = None,
    param: Annotated[
        list[str] | None, typer.Option("--param", "-p", help="Parameter assignment name=value.")
    ] = None,
    version: Annotated[int | None, typer.Option(help="Version (default: the default).")] = None,
    wait: Annotated[
        bool,
        typer.Option("--wait", help="Run it here and wait (when no studio serves this workspace)."),
    ] = False,
    workspace: WorkspaceOption = DEFAULT_WORKSPACE_PATH,
    as_json: JsonOption = False,
) -> None:
    """Start a run of endpoint NAME. It is queued for the studio serving the workspace
    (`kumi up`), or run here with --wait; exits 1 if a waited run did not complete."""
    with reporting_errors(as_json=as_json), open_workspace(workspace) as ws:
        engine = workspace_engine(ws)
        try:
            submitted = pipeline_endpoints.submit(
                ws,
                pipeline_endpoints.QueuedRuns(ws, engine),
                name,
                experiment_name=experiment,
                parameter_assignments=parse_assignments(param),
                version=version,
            )
            status = submitted.run.status
            if wait:
                status = execute_run(ws, engine, submitted.run).status
        finally:
            engine.close()
    answer = {
        "run_id": submitted.run.id,
        "version": submitted.endpoint_run.version,
        "status": status,
    }
    if as_json:
        print_json(answer)
    else:
        console.print(f"run {answer['run_id']} of {name} version {answer['version']}: {status}")
    if wait and status != "completed":
        raise typer.Exit(EXIT_FAILED)
