"""`kumi deploy` and `kumi endpoints list|show|keys|regenerate-key|delete`."""

from __future__ import annotations

from typing import Annotated

import typer

from kumi.cli.options import DEFAULT_WORKSPACE_PATH, JsonOption, WorkspaceOption, open_workspace
from kumi.cli.output import console, print_json, print_rows, reporting_errors
from kumi.services.endpoints import (
    DEFAULT_BASE_URL,
    delete_endpoint,
    deploy_endpoint,
    endpoint_json,
    endpoint_keys,
    endpoint_uris,
    regenerate_key,
)

app = typer.Typer(help="Real-time endpoints.", no_args_is_help=True)
BaseUrlOption = Annotated[
    str, typer.Option("--base-url", help="Where the endpoints are served (for the URIs shown).")
]


def deploy(
    name: Annotated[str, typer.Option("--name", help="Endpoint name.")],
    run_id: Annotated[str | None, typer.Argument(help="A completed training run.")] = None,
    pipeline: Annotated[
        str | None, typer.Option("--pipeline", help="Deploy a saved real-time pipeline instead.")
    ] = None,
    description: Annotated[str, typer.Option(help="What the endpoint is for.")] = "",
    extra_columns: Annotated[
        str, typer.Option(help="Columns not in the signature: ignore or reject.")
    ] = "ignore",
    workspace: WorkspaceOption = DEFAULT_WORKSPACE_PATH,
    base_url: BaseUrlOption = DEFAULT_BASE_URL,
    as_json: JsonOption = False,
) -> None:
    """Derive the real-time inference pipeline of a training run and deploy it as endpoint
    NAME (served by `kumi up` or `kumi serve-endpoint NAME`)."""
    with reporting_errors(as_json=as_json), open_workspace(workspace) as ws:
        endpoint = deploy_endpoint(
            ws,
            name,
            run_id=run_id,
            pipeline=pipeline,
            description=description,
            extra_columns=extra_columns,
        )
    scoring_uri = endpoint_uris(endpoint.name, base_url)["scoring_uri"]
    if as_json:
        print_json({"name": endpoint.name, "scoring_uri": scoring_uri, "key": endpoint.primary_key})
        return
    console.print(f"[green]deployed[/] {endpoint.name} ({endpoint.runtime} runtime)")
    if endpoint.runtime_reason:
        console.print(f"  python runtime because: {endpoint.runtime_reason}")
    console.print(f"  scoring URI: {scoring_uri}")
    console.print(f"  key: {endpoint.primary_key}")


@app.command("list")
def list_endpoints(
    workspace: WorkspaceOption = DEFAULT_WORKSPACE_PATH,
    base_url: BaseUrlOption = DEFAULT_BASE_URL,
    as_json: JsonOption = False,
) -> None:
    """Deployed endpoints."""
    with reporting_errors(as_json=as_json), open_workspace(workspace) as ws:
        endpoints = [endpoint_json(e, base_url) for e in ws.endpoints.list()]
    if as_json:
        print_json({"endpoints": endpoints})
        return
    rows = [
        [e["name"], e["status"], e["runtime"], e["pipeline"], e["scoring_uri"]] for e in endpoints
    ]
    print_rows("endpoints", ["name", "status", "runtime", "pipeline", "scoring URI"], rows)


@app.command("show")
def show(
    name: str,
    workspace: WorkspaceOption = DEFAULT_WORKSPACE_PATH,
    base_url: BaseUrlOption = DEFAULT_BASE_URL,
    as_json: JsonOption = False,
) -> None:
    """An endpoint's details and signature."""
    with reporting_errors(as_json=as_json), open_workspace(workspace) as ws:
        shown = endpoint_json(ws.endpoints.get(name), base_url)
    if as_json:
        print_json(shown)
        return
    console.print(f"endpoint [bold]{name}[/]: {shown['status']}, {shown['runtime']} runtime")
    console.print(f"  scoring URI: {shown['scoring_uri']}")
    for column in next(iter(shown["signature"]["inputs"].values()), []):
        console.print(f"  input {column['name']}: {column['type']}")


@app.command("keys")
def keys(
    name: str, workspace: WorkspaceOption = DEFAULT_WORKSPACE_PATH, as_json: JsonOption = False
) -> None:
    """The primary and secondary keys."""
    with reporting_errors(as_json=as_json), open_workspace(workspace) as ws:
        found = endpoint_keys(ws, name)
    _print_keys(found, as_json)


@app.command("regenerate-key")
def regenerate(
    name: str,
    key_type: Annotated[str, typer.Option("--key-type", help="primary or secondary")] = "primary",
    workspace: WorkspaceOption = DEFAULT_WORKSPACE_PATH,
    as_json: JsonOption = False,
) -> None:
    """Replace one key; the other keeps working."""
    with reporting_errors(as_json=as_json), open_workspace(workspace) as ws:
        found = regenerate_key(ws, name, key_type)
    _print_keys(found, as_json)


@app.command("delete")
def delete(
    name: str, workspace: WorkspaceOption = DEFAULT_WORKSPACE_PATH, as_json: JsonOption = False
) -> None:
    """Remove an endpoint, its metrics and its log."""
    with reporting_errors(as_json=as_json), open_workspace(workspace) as ws:
        delete_endpoint(ws, name)
    if as_json:
        print_json({"deleted": name})
    else:
        console.print(f"deleted {name}")


def _print_keys(found: dict[str, str], as_json: bool) -> None:
    if as_json:
        print_json(found)
        return
    console.print(f"primary:   {found['primary_key']}")
    console.print(f"secondary: {found['secondary_key']}")
