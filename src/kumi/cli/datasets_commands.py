"""`kumi datasets add|list|show|profile`."""

from __future__ import annotations

from typing import Annotated, TypedDict

import typer

from kumi.cli.options import DEFAULT_WORKSPACE_PATH, JsonOption, WorkspaceOption, open_workspace
from kumi.cli.output import console, print_json, print_rows, reporting_errors
from kumi.core import InvalidInputError

app = typer.Typer(help="Register and inspect datasets.", no_args_is_help=True)


class _Roles(TypedDict):
    label: str | None
    categorical: list[str]
    ignore: list[str]


Columns = Annotated[list[str] | None, typer.Option(help="Column name (repeatable).")]


@app.command("add")
def add(
    name: Annotated[str, typer.Argument(help="Dataset name.")],
    source: Annotated[
        str | None, typer.Argument(help="File path or URL (CSV, TSV, Parquet, JSON lines).")
    ] = None,
    database_url: Annotated[
        str | None, typer.Option(help="SQLAlchemy URL to read a query from.")
    ] = None,
    query: Annotated[str | None, typer.Option(help="SQL query (with --database-url).")] = None,
    label: Annotated[str | None, typer.Option(help="Label column.")] = None,
    categorical: Columns = None,
    ignore: Columns = None,
    description: Annotated[str, typer.Option(help="Description.")] = "",
    file_format: Annotated[str, typer.Option("--format", help="auto, csv, tsv, ...")] = "auto",
    encoding: Annotated[str, typer.Option(help="Text encoding of CSV/TSV files.")] = "utf-8",
    workspace: WorkspaceOption = DEFAULT_WORKSPACE_PATH,
    as_json: JsonOption = False,
) -> None:
    """Register a new dataset version from a file, URL or SQL query."""
    roles: _Roles = {"label": label, "categorical": categorical or [], "ignore": ignore or []}
    with reporting_errors(as_json=as_json), open_workspace(workspace) as ws:
        if database_url or query:
            if not (database_url and query):
                raise InvalidInputError("Give both --database-url and --query to read SQL.")
            record = ws.datasets.register_sql(
                name, database_url, query, description=description, **roles
            )
        elif source:
            record = ws.datasets.register(
                name,
                source,
                description=description,
                file_format=file_format,
                encoding=encoding,
                **roles,
            )
        else:
            raise InvalidInputError("Give a file path or URL, or --database-url and --query.")
    if as_json:
        print_json(record.to_dict())
    else:
        console.print(
            f"registered [bold]{record.name}[/] version {record.version} "
            f"({record.row_count} rows, {len(record.schema.columns)} columns)"
        )


@app.command("list")
def list_datasets(
    workspace: WorkspaceOption = DEFAULT_WORKSPACE_PATH, as_json: JsonOption = False
) -> None:
    """List datasets (latest version of each)."""
    with reporting_errors(as_json=as_json), open_workspace(workspace) as ws:
        records = ws.datasets.list()
    if as_json:
        print_json([r.to_dict() for r in records])
        return
    rows = [
        [r.name, r.version, r.row_count, len(r.schema.columns), r.label, r.description]
        for r in records
    ]
    print_rows("datasets", ["name", "version", "rows", "columns", "label", "description"], rows)


@app.command("show")
def show(
    name: str,
    version: Annotated[int | None, typer.Option(help="Version (default latest).")] = None,
    rows: Annotated[int, typer.Option(help="Preview rows.")] = 10,
    workspace: WorkspaceOption = DEFAULT_WORKSPACE_PATH,
    as_json: JsonOption = False,
) -> None:
    """Show a dataset version: schema and the first rows."""
    with reporting_errors(as_json=as_json), open_workspace(workspace) as ws:
        record = ws.datasets.get(name, version)
        preview = ws.datasets.preview(name, record.version, rows)
    if as_json:
        print_json({**record.to_dict(), "preview": preview.to_dict(orient="records")})
        return
    console.print(
        f"[bold]{record.name}[/] v{record.version}: {record.row_count} rows — {record.description}"
    )
    print_rows(
        "schema",
        ["column", "type", "role", "categorical"],
        [[c.name, c.type.value, c.role.value, c.categorical] for c in record.schema.columns],
    )
    print_rows("preview", [str(c) for c in preview.columns], preview.values.tolist())


@app.command("profile")
def profile(
    name: str,
    version: Annotated[int | None, typer.Option(help="Version (default latest).")] = None,
    workspace: WorkspaceOption = DEFAULT_WORKSPACE_PATH,
    as_json: JsonOption = False,
) -> None:
    """Per-column statistics: type, missing values, distinct values, min/max/mean/std."""
    with reporting_errors(as_json=as_json), open_workspace(workspace) as ws:
        stats = ws.datasets.profile(name, version)
    if as_json:
        print_json(stats)
        return
    columns = stats["columns"]
    keys = ["type", "missing", "distinct", "min", "max", "mean", "std"]
    rows = [[c.get("name")] + [_fmt(c.get(k)) for k in keys] for c in columns]
    print_rows(f"profile of {name}", ["column", *keys], rows)


def _fmt(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.4g}"
    return "" if value is None else str(value)
