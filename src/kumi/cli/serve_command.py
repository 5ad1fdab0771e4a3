"""`kumi serve-endpoint NAME`: one endpoint served on its own (several worker processes
behind a load balancer scale it out; their metrics add up in the workspace)."""

from __future__ import annotations

import logging
import os
from typing import Annotated

import typer

from kumi.cli.options import DEFAULT_WORKSPACE_PATH, WorkspaceOption
from kumi.cli.output import console
from kumi.serving import EndpointServer, ServingSettings, create_serving_app

WORKSPACE_ENV = "KUMI_SERVE_WORKSPACE"
ENDPOINT_ENV = "KUMI_SERVE_ENDPOINT"
FACTORY = "kumi.cli.serve_command:app_from_environment"


def app_from_environment() -> EndpointServer:
    """The server a worker process builds (uvicorn calls this in each worker)."""
    settings = ServingSettings(workspace=os.environ[WORKSPACE_ENV], only=os.environ[ENDPOINT_ENV])
    return create_serving_app(settings)


def serve_endpoint(
    name: Annotated[str, typer.Argument(help="The endpoint to serve.")],
    workspace: WorkspaceOption = DEFAULT_WORKSPACE_PATH,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8771,
    workers: Annotated[int, typer.Option(min=1, max=64, help="Worker processes.")] = 1,
) -> None:
    """Serve endpoint NAME at http://HOST:PORT/endpoints/NAME/score (and /invocations,
    /swagger.json). Stop with Ctrl-C."""
    import uvicorn  # the server's imports only when serving

    os.environ[WORKSPACE_ENV] = str(workspace.resolve())
    os.environ[ENDPOINT_ENV] = name
    console.print(f"serving endpoint {name} at http://{host}:{port}/endpoints/{name}/score")
    logging.getLogger("uvicorn.access").setLevel(logging.WARNING)
    uvicorn.run(
        FACTORY,
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
        access_log=False,
    )
