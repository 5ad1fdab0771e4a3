"""`kumi pipelines validate`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kumi.cli.options import (
    DEFAULT_WORKSPACE_PATH,
    JsonOption,
    WorkspaceOption,
    open_workspace,
    parse_assignments,
)
from kumi.cli.output import console, print_json, reporting_errors
from kumi.graph import ensure_valid, load_pipeline
from kumi.registry import default_registry
from kumi.services import merge_parameters

app = typer.Typer(help="Work with pipeline documents.", no_args_is_help=True)


@app.command("validate")
def validate(
    file: Annotated[Path, typer.Argument(help="Pipeline document (YAML or JSON).")],
    param: Annotated[list[str] | None, typer.Option("--param", "-p")] = None,
    workspace: WorkspaceOption = DEFAULT_WORKSPACE_PATH,
    as_json: JsonOption = False,
) -> None:
    """Check a pipeline without running it; problems name the node, port and parameter."""
    with reporting_errors(as_json=as_json):
        document = load_pipeline(file)
        values = merge_parameters(document, parse_assignments(param))
        with open_workspace(workspace) as ws:
            ensure_valid(
                document,
                default_registry(),
                datasets=ws.dataset_resolver(),
                parameter_values=values,
            )
    if as_json:
        print_json({"valid": True, "name": document.name, "nodes": len(document.nodes)})
    else:
        console.print(f"[green]valid[/]: {document.name} ({len(document.nodes)} nodes)")
