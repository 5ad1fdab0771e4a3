"""`kumi runs list|show|logs`."""

from __future__ import annotations

from typing import Annotated

import typer

from kumi.cli.options import DEFAULT_WORKSPACE_PATH, JsonOption, WorkspaceOption, open_workspace
from kumi.cli.output import console, print_json, print_rows, reporting_errors
from kumi.core import NotFoundError

app = typer.Typer(help="Inspect pipeline runs.", no_args_is_help=True)


@app.command("list")
def list_runs(
    limit: Annotated[int, typer.Option(help="How many runs.")] = 20,
    experiment: Annotated[str | None, typer.Option(help="Only this experiment.")] = None,
    workspace: WorkspaceOption = DEFAULT_WORKSPACE_PATH,
    as_json: JsonOption = False,
) -> None:
    """Runs, newest first."""
    with reporting_errors(as_json=as_json), open_workspace(workspace) as ws:
        runs = ws.runs.list(limit=limit, experiment=experiment)
    if as_json:
        print_json([{k: v for k, v in r.to_dict().items() if k != "document"} for r in runs])
        return
    rows = [
        [r.id, r.pipeline_name, r.experiment, r.status, r.created_at.strftime("%Y-%m-%d %H:%M:%S")]
        for r in runs
    ]
    print_rows("runs", ["run id", "pipeline", "experiment", "status", "created"], rows)


@app.command("show")
def show(
    run_id: str,
    workspace: WorkspaceOption = DEFAULT_WORKSPACE_PATH,
    as_json: JsonOption = False,
) -> None:
    """A run's steps (status, reuse and its reason, duration) and metrics."""
    with reporting_errors(as_json=as_json), open_workspace(workspace) as ws:
        run = ws.runs.get(run_id)
        steps = ws.runs.steps(run_id)
    if as_json:
        print_json({**run.to_dict(), "steps": [s.to_dict() for s in steps]})
        return
    console.print(f"run [bold]{run.id}[/] of {run.pipeline_name}: {run.status}")
    rows = [
        [
            s.node_id,
            s.component_id,
            s.status,
            s.cached,
            "" if s.seconds is None else f"{s.seconds:.2f}",
            (s.error or {}).get("message") or s.reason,
        ]
        for s in steps
    ]
    print_rows("steps", ["step", "component", "status", "cached", "seconds", "reason"], rows)
    for name, value in run.metrics.items():
        if "/" not in name:
            console.print(f"  {name:<32} {value:.4f}")


@app.command("logs")
def logs(
    run_id: str,
    step: Annotated[str | None, typer.Option(help="Only this step's log.")] = None,
    workspace: WorkspaceOption = DEFAULT_WORKSPACE_PATH,
) -> None:
    """Print the captured log of each step (or one step)."""
    with reporting_errors(), open_workspace(workspace) as ws:
        steps = [s for s in ws.runs.steps(run_id) if step is None or s.node_id == step]
        if step is not None and not steps:
            raise NotFoundError(f"Run '{run_id}' has no step '{step}'.", details={"step": step})
        for record in steps:
            console.rule(f"{record.node_id} ({record.component_id}) — {record.status}")
            if record.log_key is None:
                console.print(f"[dim]no log: {record.reason or 'the step did not run'}[/]")
                continue
            path = ws.path / record.log_key
            text = path.read_text(errors="replace") if path.exists() else ""
            console.print(text or "[dim](empty log)[/]", markup=False, highlight=False)
