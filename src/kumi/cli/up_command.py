"""`kumi up`: the studio (REST API, page and background runs) in one process."""

from __future__ import annotations

import logging
from typing import Annotated

import typer

from kumi.cli.first_run import report_first_run
from kumi.cli.options import DEFAULT_WORKSPACE_PATH, WorkspaceOption
from kumi.cli.output import console

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8770


def up(
    workspace: WorkspaceOption = DEFAULT_WORKSPACE_PATH,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = DEFAULT_HOST,
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = DEFAULT_PORT,
) -> None:
    """Start the studio: the page and REST API at http://HOST:PORT, real-time endpoints at
    http://HOST:PORT/endpoints/NAME, runs in the background.
    In a new workspace the sample pipeline runs once, and its evaluation is printed. Stop
    with Ctrl-C (a run in progress is queued again and resumes at the next start)."""
    import uvicorn  # the server's imports only when serving (other commands start faster)

    from kumi.api import ApiSettings, create_app
    from kumi.cli.studio_app import StudioApp
    from kumi.serving import ServingSettings, create_serving_app

    settings = ApiSettings(workspace=workspace, first_run=True)
    app = create_app(settings)
    studio = StudioApp(app, create_serving_app(ServingSettings(workspace=workspace)))
    shown = "localhost" if host in ("127.0.0.1", "0.0.0.0") else host
    url = f"http://{shown}:{port}"
    console.print(f"kumi studio: workspace {workspace.resolve()}")
    console.print(f"[bold]open {url}[/] (API docs: {url}/docs)")
    report_first_run(app, url)
    logging.getLogger("uvicorn.access").setLevel(logging.WARNING)
    uvicorn.run(studio, host=host, port=port, log_level="info")
