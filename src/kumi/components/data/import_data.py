"""Import Data: read a table from a file, a URL or a SQL database."""

from __future__ import annotations

import time
from typing import Literal

from pydantic import Field

from kumi.components.data._sources import choose_source, file_fingerprint, resolve_datastore
from kumi.core import (
    Category,
    Component,
    Inputs,
    OutputPort,
    Outputs,
    Params,
    PortType,
    RunContext,
    SqlText,
    Table,
)
from kumi.core.readers import read_sql, read_table


class ImportDataParams(Params):
    path: str = Field(
        "",
        description="File path, URL (http(s), s3, abfs ...) or datastore://... of the table.",
    )
    file_format: Literal["auto", "csv", "tsv", "parquet", "jsonl"] = Field(
        "auto", description="auto: from the file extension."
    )
    has_header: bool = Field(True, description="CSV/TSV: the first row names the columns.")
    encoding: str = Field("utf-8", description="CSV/TSV/JSON lines text encoding.")
    database_url: str = Field("", description="SQLAlchemy URL, e.g. sqlite:///data.db.")
    query: SqlText = Field("", description="SELECT statement run on database_url.")


class ImportData(Component[ImportDataParams]):
    id = "import_data"
    name = "Import Data"
    category = Category.DATA_INPUT_OUTPUT
    description = (
        "Loads a table from a CSV, TSV, Parquet or JSON lines file (local path or URL) or from "
        "a SQL query on a database. A changed local file makes the pipeline re-run from here; "
        "database queries always re-run."
    )
    Params = ImportDataParams
    outputs = (OutputPort("results_dataset", PortType.TABLE),)
    example_params = {"database_url": "sqlite://", "query": "SELECT 1 AS id, 'a' AS name"}

    def run(self, params: ImportDataParams, inputs: Inputs, ctx: RunContext) -> Outputs:
        kind, where = choose_source(params.path, params.database_url, table_parameter="query")
        if kind == "database":
            frame = read_sql(where, params.query)
        else:
            frame = read_table(
                resolve_datastore(where, ctx),
                file_format=params.file_format,
                encoding=params.encoding,
                has_header=params.has_header,
            )
        ctx.log(f"Imported {len(frame)} rows and {frame.shape[1]} columns")
        return {"results_dataset": Table.of(frame)}

    def fingerprint(self, params: ImportDataParams, ctx: RunContext) -> str | None:
        if params.path.strip():
            return file_fingerprint(resolve_datastore(params.path.strip(), ctx))
        return f"query:{time.time_ns()}"  # a database may change at any time
