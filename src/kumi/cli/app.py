"""The `kumi` command."""

from __future__ import annotations

import logging

import typer

from kumi import __version__
from kumi.cli import (
    automl_commands,
    components_commands,
    datasets_commands,
    endpoints_commands,
    inference_commands,
    many_models_commands,
    pipeline_endpoints_commands,
    pipelines_commands,
    runs_commands,
    schedules_commands,
    sql_commands,
)
from kumi.cli.run_command import run
from kumi.cli.serve_command import serve_endpoint
from kumi.cli.up_command import up

app = typer.Typer(
    name="kumi",
    help="kumi: a self-hosted machine-learning studio.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


@app.callback()
def quiet_libraries() -> None:
    """Keep third-party progress chatter (MLflow's database set-up) out of the output."""
    logging.getLogger("mlflow").setLevel(logging.WARNING)
    logging.getLogger("alembic").setLevel(logging.WARNING)


app.command("up")(up)
app.command("run")(run)
app.command("deploy")(endpoints_commands.deploy)
app.command("serve-endpoint")(serve_endpoint)
app.add_typer(endpoints_commands.app, name="endpoints")
app.add_typer(components_commands.app, name="components")
app.add_typer(datasets_commands.app, name="datasets")
app.add_typer(runs_commands.app, name="runs")
app.add_typer(pipelines_commands.app, name="pipelines")
app.add_typer(pipeline_endpoints_commands.app, name="pipeline-endpoints")
app.add_typer(schedules_commands.app, name="schedules")
app.add_typer(inference_commands.app, name="inference")
app.add_typer(automl_commands.app, name="automl")
app.command("sql")(sql_commands.sql)
app.add_typer(sql_commands.models_app, name="models")
app.add_typer(many_models_commands.app, name="many-models")


@app.command("version")
def version() -> None:
    """Print kumi's version."""
    typer.echo(__version__)
