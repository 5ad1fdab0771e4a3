"""`kumi run FILE`: run a pipeline document, with a live step display or JSON."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from kumi.cli.options import (
    DEFAULT_WORKSPACE_PATH,
    JsonOption,
    WorkspaceOption,
    open_workspace,
    parse_assignments,
)
from kumi.cli.output import EXIT_FAILED, console, err_console, print_json, reporting_errors
from kumi.cli.progress import LiveProgress
from kumi.graph import PipelineDocument, load_pipeline
from kumi.services import RunSummary, run_pipeline
from kumi.storage.workspace import Workspace


def run(
    file: Annotated[Path, typer.Argument(help="Pipeline document (YAML or JSON).")],
    workspace: WorkspaceOption = DEFAULT_WORKSPACE_PATH,
    param: Annotated[
        list[str] | None, typer.Option("--param", "-p", help="Pipeline parameter name=value.")
    ] = None,
    experiment: Annotated[
        str | None, typer.Option(help="Experiment name (default: the pipeline's name).")
    ] = None,
    regenerate: Annotated[
        list[str] | None,
        typer.Option("--regenerate", help="Re-run this node even if cached (repeatable)."),
    ] = None,
    regenerate_all: Annotated[
        bool, typer.Option("--regenerate-all", help="Re-run every step.")
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Run a pipeline; exits 0 only if it completed."""
    with reporting_errors(as_json=as_json):
        document = load_pipeline(file)
        values = parse_assignments(param)
        with open_workspace(workspace) as ws:
            progress = None if as_json else LiveProgress(err_console)
            summary = _run_with_progress(
                ws,
                document,
                progress,
                parameter_values=values,
                experiment=experiment,
                regenerate=regenerate_all or set(regenerate or []),
            )
            tracking_uri = ws.tracking_uri
    if as_json:
        print_json(summary.to_json())
        _print_step_errors(summary, err_console)
    else:
        _print_summary(summary, tracking_uri)
    if not summary.ok:
        raise typer.Exit(EXIT_FAILED)


def _run_with_progress(
    workspace: Workspace,
    document: PipelineDocument,
    progress: LiveProgress | None,
    **options: Any,
) -> RunSummary:
    """Run with the live step table shown (when ``progress`` is given); the table
    appears once the pipeline is valid."""
    if progress is None:
        return run_pipeline(workspace, document, **options)
    try:
        return run_pipeline(workspace, document, hooks=[progress], **options)
    finally:
        progress.stop()  # also when the run was interrupted


def _print_step_errors(summary: RunSummary, target: Console) -> None:
    for step in summary.result.steps.values():
        if step.error:
            target.print(f"  [red]{step.node_id}[/]: {step.error.get('message')}")


def _print_summary(summary: RunSummary, tracking_uri: str) -> None:
    colour = "green" if summary.ok else "red"
    console.print(f"run [bold]{summary.run_id}[/] [{colour}]{summary.status}[/]")
    _print_step_errors(summary, console)
    plain = {k: v for k, v in summary.metrics.items() if "/" not in k}
    if plain:
        console.print("evaluation:")
        for name, value in plain.items():
            console.print(f"  {name:<32} {value:.4f}")
    console.print(
        f"[dim]MLflow run {summary.mlflow_run_id}; browse with: "
        f"mlflow ui --backend-store-uri {tracking_uri}[/]"
    )
