"""`kumi sql "SQL" --database FILE`: run SQL (with PREDICT) on a DuckDB database;
`kumi models load NAME[:VERSION] --database FILE_OR_URL`: copy a registered model into it."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Annotated, Any, NoReturn

import numpy as np
import pandas as pd
import typer
from rich.text import Text

from kumi import sql as kumi_sql
from kumi.cli.options import JsonOption
from kumi.cli.output import EXIT_BAD_INPUT, console, err_console, print_json, print_rows
from kumi.core import KumiError

SHOWN_ROWS = 50

OptionalWorkspace = Annotated[
    Path | None,
    typer.Option(
        "--workspace",
        "-w",
        help="Workspace whose model registry PREDICT falls back to (default ./kumi-workspace).",
        envvar="KUMI_WORKSPACE",
    ),
]

models_app = typer.Typer(help="Copy registered models into databases.", no_args_is_help=True)


def sql(
    statement: Annotated[str, typer.Argument(help="The SQL to run (PREDICT allowed).")],
    database: Annotated[str, typer.Option("--database", "-d", help="DuckDB database file.")],
    workspace: OptionalWorkspace = None,
    as_json: JsonOption = False,
) -> None:
    """Run SQL on a DuckDB database, scoring registered models with PREDICT(...)."""
    try:
        frame = kumi_sql.query(statement, database=database, workspace=workspace)
    except KumiError as error:
        _fail(error, as_json=as_json)
    if as_json:
        print_json(_records(frame))
        return
    shown = frame.head(SHOWN_ROWS)
    print_rows("", [str(c) for c in frame.columns], shown.astype(object).values.tolist())
    if len(frame) > SHOWN_ROWS:
        console.print(f"[dim]{len(frame)} rows; the first {SHOWN_ROWS} shown (use --json).[/]")


@models_app.command("load")
def load(
    model: Annotated[str, typer.Argument(help="Registered model as NAME or NAME:VERSION.")],
    database: Annotated[
        str, typer.Option("--database", "-d", help="DuckDB file or postgresql:// URL.")
    ],
    workspace: OptionalWorkspace = None,
    as_json: JsonOption = False,
) -> None:
    """Copy a registered model into the database's kumi_models table."""
    try:
        loaded = kumi_sql.load_model(model, database=database, workspace=workspace)
    except KumiError as error:
        _fail(error, as_json=as_json)
    summary = {
        "name": loaded.name,
        "version": loaded.version,
        "database": database,
        "table": "kumi_models",
        "inputs": [{"column": c, "kind": k} for c, k in loaded.input_columns],
        "outputs": [{"column": c, "type": t} for c, t in loaded.output_columns],
    }
    if as_json:
        print_json(summary)
        return
    console.print(f"Loaded model {loaded.name}:{loaded.version} into kumi_models of {database}.")


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as JSON-ready objects (missing values → null, times in ISO 8601, full precision)."""
    names = [str(c) for c in frame.columns]
    return [
        dict(zip(names, map(_json_value, row), strict=True))
        for row in frame.itertuples(index=False, name=None)
    ]


def _json_value(value: Any) -> Any:
    if isinstance(value, np.ndarray):
        return [_json_value(item) for item in value.tolist()]
    if isinstance(value, list | tuple | dict) or value is None:
        return value
    if pd.isna(value):
        return None
    if isinstance(value, pd.Timestamp | datetime.date | datetime.time):
        return value.isoformat()
    return value.item() if isinstance(value, np.generic) else value


def _fail(error: KumiError, *, as_json: bool) -> NoReturn:
    """The error's message on stderr (and its JSON document on stdout with --json); exit 2."""
    headline = Text.assemble(("error", "bold red"), f" ({error.code}): {error.message}")
    err_console.print(headline, soft_wrap=True, highlight=False)
    if as_json:
        print_json(error.to_dict())
    raise typer.Exit(EXIT_BAD_INPUT)
