"""`kumi inference create`: derive a run's real-time or batch inference pipeline."""

from __future__ import annotations

from typing import Annotated, Literal

import typer

from kumi.cli.options import DEFAULT_WORKSPACE_PATH, JsonOption, WorkspaceOption, open_workspace
from kumi.cli.output import console, print_json, print_rows, reporting_errors
from kumi.services.inference import derive_inference_pipeline

app = typer.Typer(help="Inference pipelines derived from training runs.", no_args_is_help=True)

KindOption = Annotated[
    Literal["real-time", "realtime", "batch"],
    typer.Option("--kind", help="real-time (Web Service Input/Output) or batch (datastore)."),
]


@app.command("create")
def create(
    run_id: str,
    kind: KindOption = "real-time",
    name: Annotated[str | None, typer.Option(help="Pipeline name to save as.")] = None,
    workspace: WorkspaceOption = DEFAULT_WORKSPACE_PATH,
    as_json: JsonOption = False,
) -> None:
    """Derive the inference pipeline of completed run RUN_ID and save it."""
    with reporting_errors(as_json=as_json), open_workspace(workspace) as ws:
        derived = derive_inference_pipeline(ws, run_id, kind, name)
    if as_json:
        print_json(derived.to_dict())
        return
    saved = derived.saved
    version = f" version {saved.version}" if saved else ""
    console.print(f"saved pipeline [bold]{derived.document.name}[/]{version} ({derived.kind})")
    rows = [[d["node"], d["component"], d["reason"]] for d in derived.dropped]
    print_rows("dropped", ["node", "component", "reason"], rows)
    rows = [[f["node"], f["component"], f["as"]] for f in derived.frozen]
    print_rows("frozen", ["node", "component", "as"], rows)
