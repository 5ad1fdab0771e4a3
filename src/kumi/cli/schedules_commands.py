"""`kumi schedules create|list|pause|resume|delete`."""

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
from kumi.cli.output import console, print_json, print_rows, reporting_errors
from kumi.services import schedules as service
from kumi.storage.schedules import Schedule

app = typer.Typer(
    help="Run pipeline endpoints on cron schedules (the studio, `kumi up`, fires them).",
    no_args_is_help=True,
)


def _report(schedule: Schedule, as_json: bool) -> None:
    if as_json:
        print_json(schedule.to_dict())
        return
    state = "paused" if schedule.paused else f"next run {schedule.next_run_at:%Y-%m-%d %H:%M} UTC"
    console.print(
        f"schedule [bold]{schedule.name}[/] ({schedule.id}) of {schedule.endpoint}: "
        f"'{schedule.cron}' {schedule.timezone}, {state}"
    )


@app.command("create")
def create(
    endpoint: Annotated[str, typer.Argument(help="Pipeline endpoint to run.")],
    name: Annotated[str, typer.Option("--name", help="Schedule name.")],
    cron: Annotated[str, typer.Option("--cron", help=service.CRON_HELP)],
    timezone: Annotated[str, typer.Option(help="IANA time zone of the cron.")] = "UTC",
    param: Annotated[
        list[str] | None, typer.Option("--param", "-p", help="Parameter assignment name=value.")
    ] = None,
    experiment: Annotated[str | None, typer.Option(help="Experiment of the runs.")] = None,
    version: Annotated[
        int | None, typer.Option(help="Endpoint version (default: its default version).")
    ] = None,
    workspace: WorkspaceOption = DEFAULT_WORKSPACE_PATH,
    as_json: JsonOption = False,
) -> None:
    """Run ENDPOINT whenever CRON says."""
    with reporting_errors(as_json=as_json), open_workspace(workspace) as ws:
        schedule = service.create_schedule(
            ws,
            endpoint,
            name=name,
            cron=cron,
            timezone=timezone,
            parameter_assignments=parse_assignments(param),
            experiment_name=experiment,
            version=version,
        )
    _report(schedule, as_json)


@app.command("list")
def list_schedules(
    endpoint: Annotated[str | None, typer.Option(help="Only this endpoint's.")] = None,
    workspace: WorkspaceOption = DEFAULT_WORKSPACE_PATH,
    as_json: JsonOption = False,
) -> None:
    """Every schedule (of one endpoint when given)."""
    with reporting_errors(as_json=as_json), open_workspace(workspace) as ws:
        schedules = ws.schedules.list(endpoint=endpoint)
    if as_json:
        print_json([s.to_dict() for s in schedules])
        return
    rows = [
        [s.id, s.name, s.endpoint, s.cron, s.timezone, s.paused, s.next_run_at, s.last_run_id]
        for s in schedules
    ]
    columns = ["id", "name", "endpoint", "cron", "timezone", "paused", "next run", "last run"]
    print_rows("schedules", columns, rows)


@app.command("pause")
def pause(
    schedule_id: str,
    workspace: WorkspaceOption = DEFAULT_WORKSPACE_PATH,
    as_json: JsonOption = False,
) -> None:
    """Stop a schedule from firing until resumed."""
    with reporting_errors(as_json=as_json), open_workspace(workspace) as ws:
        _report(service.set_paused(ws, schedule_id, True), as_json)


@app.command("resume")
def resume(
    schedule_id: str,
    workspace: WorkspaceOption = DEFAULT_WORKSPACE_PATH,
    as_json: JsonOption = False,
) -> None:
    """Fire again, from the next due time (fires missed while paused are skipped)."""
    with reporting_errors(as_json=as_json), open_workspace(workspace) as ws:
        _report(service.set_paused(ws, schedule_id, False), as_json)


@app.command("delete")
def delete(
    schedule_id: str,
    workspace: WorkspaceOption = DEFAULT_WORKSPACE_PATH,
    as_json: JsonOption = False,
) -> None:
    """Forget a schedule."""
    with reporting_errors(as_json=as_json), open_workspace(workspace) as ws:
        ws.schedules.delete(schedule_id)
    if as_json:
        print_json({"deleted": schedule_id})
    else:
        console.print(f"deleted schedule {schedule_id}")
