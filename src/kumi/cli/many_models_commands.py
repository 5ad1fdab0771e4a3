"""`kumi many-models train DATA --partition-by COL --target COL`: one model per partition;
`kumi many-models summary NAME`: the per-partition table; `kumi many-models score DATA`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import pandas as pd
import typer

from kumi.automl.result import json_ready
from kumi.cli.automl_commands import DATA_SUFFIXES, parse_names
from kumi.cli.options import DEFAULT_WORKSPACE_PATH, JsonOption, WorkspaceOption, open_workspace
from kumi.cli.output import (
    EXIT_FAILED,
    console,
    err_console,
    print_json,
    print_rows,
    reporting_errors,
)
from kumi.core import InvalidParameterError
from kumi.scoring.many_models import load_summary, score_many, train_many
from kumi.storage.workspace import Workspace

app = typer.Typer(
    help="Train one model per partition (store, product ...) and score rows by partition.",
    no_args_is_help=True,
)
SHOWN_COLUMNS = ["partition", "status", "rows", "metric", "metric_value", "model", "version",
                 "seconds", "error"]  # fmt: skip

Data = Annotated[str, typer.Argument(help="Registered dataset name, or a CSV/Parquet file.")]
NameOption = Annotated[str, typer.Option("--name", "-n", help="Name of the set of models.")]


@app.command("train")
def train(
    data: Data,
    partition_by: Annotated[str, typer.Option(help="Comma-separated partition columns.")],
    target: Annotated[str, typer.Option("--target", "-t", help="Column to predict.")],
    name: NameOption,
    task: Annotated[str, typer.Option(help="classification or regression.")] = "classification",
    time_budget: Annotated[float, typer.Option(help="AutoML seconds per partition.")] = 10.0,
    metric: Annotated[str | None, typer.Option(help="Primary metric (default: task's).")] = None,
    learner: Annotated[
        str | None, typer.Option(help="Train this model family once instead of AutoML.")
    ] = None,
    engine: Annotated[str | None, typer.Option(help="local (process pool) or spark.")] = None,
    n_jobs: Annotated[int | None, typer.Option(help="Partitions at once (default: cores).")] = None,
    min_rows: Annotated[int, typer.Option(help="Fewest labelled rows a partition needs.")] = 10,
    workspace: WorkspaceOption = DEFAULT_WORKSPACE_PATH,
    as_json: JsonOption = False,
) -> None:
    """Train one model per partition of DATA; exits 0 only if every partition completed."""
    with reporting_errors(as_json=as_json), open_workspace(workspace) as ws:
        automl = None if learner else {"time_budget_s": time_budget, "metric": metric}
        result = train_many(
            read_rows(ws, data),
            parse_names(partition_by) or [],
            target,
            name=name,
            task=task,
            automl={k: v for k, v in automl.items() if v is not None} if automl else None,
            learner=learner,
            engine=engine,
            n_jobs=n_jobs,
            min_rows=min_rows,
            workspace=ws,
            on_partition=None if as_json else _tell,
        )
    report = {"name": result.name, "engine": result.engine, "seconds": result.seconds}
    _show(report, result.summary, as_json)
    if result.failed:
        raise typer.Exit(EXIT_FAILED)


@app.command("summary")
def summary(
    name: Annotated[str, typer.Argument(help="Name of the set of models.")],
    workspace: WorkspaceOption = DEFAULT_WORKSPACE_PATH,
    as_json: JsonOption = False,
) -> None:
    """Show the per-partition table of the newest training of NAME."""
    with reporting_errors(as_json=as_json), open_workspace(workspace) as ws:
        table = load_summary(name, ws)
    facts = {k: table.attrs.get(k) for k in ("name", "engine", "seconds")}
    _show(facts, table, as_json)


@app.command("score")
def score(
    data: Data,
    name: NameOption,
    output: Annotated[Path, typer.Option(help="CSV or Parquet file to write.")],
    unknown: Annotated[
        str, typer.Option(help="error, or keep (rows of partitions without a model unscored).")
    ] = "error",
    workspace: WorkspaceOption = DEFAULT_WORKSPACE_PATH,
    as_json: JsonOption = False,
) -> None:
    """Score DATA's rows, each by its partition's model, into OUTPUT."""
    with reporting_errors(as_json=as_json), open_workspace(workspace) as ws:
        _check_suffix(output)
        scored = score_many(read_rows(ws, data), name, workspace=ws, unknown=unknown)
        write_rows(scored, output)
    report = {"rows": len(scored), "output": str(output)}
    if as_json:
        print_json(report)
    else:
        console.print(f"scored {len(scored)} rows into [bold]{output}[/]")


def read_rows(ws: Workspace, data: str) -> pd.DataFrame:
    """A CSV/Parquet file's rows, or the newest version of a registered dataset."""
    path = Path(data)
    if path.suffix.lower() not in DATA_SUFFIXES:
        return ws.datasets.load_table(data).frame
    if not path.is_file():
        raise InvalidParameterError(
            f"No file '{data}'; give an existing CSV/Parquet file or a registered dataset "
            "name (kumi datasets list).",
            details={"data": data},
        )
    if path.suffix.lower() in (".parquet", ".pq"):
        return pd.read_parquet(path)
    return pd.read_csv(path, sep="\t" if path.suffix.lower() == ".tsv" else ",")


def write_rows(frame: pd.DataFrame, path: Path) -> None:
    if path.suffix.lower() in (".parquet", ".pq"):
        frame.to_parquet(path, index=False)
    else:
        frame.to_csv(path, index=False)


def _check_suffix(path: Path) -> None:
    if path.suffix.lower() not in (".csv", ".parquet", ".pq"):
        raise InvalidParameterError(
            f"--output '{path}' must end in .csv or .parquet.", details={"output": str(path)}
        )


def _tell(event: dict[str, Any]) -> None:
    colour = "green" if event["status"] == "completed" else "red"
    err_console.print(
        f"{event['partition']}: [{colour}]{event['status']}[/] ({event['seconds']} s)"
    )


def _show(facts: dict[str, Any], table: pd.DataFrame, as_json: bool) -> None:
    rows = json_ready(table.astype(object).where(table.notna(), None).to_dict(orient="records"))
    if as_json:
        print_json({**facts, "partitions": rows})
        return
    console.print(
        f"[bold]{facts.get('name')}[/] on {facts.get('engine')} in {facts.get('seconds')} s"
    )
    print_rows("Partitions", SHOWN_COLUMNS, [[r.get(c) for c in SHOWN_COLUMNS] for r in rows])
