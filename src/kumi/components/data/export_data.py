"""Export Data: write a dataset to a file, a URL or a SQL table."""

from __future__ import annotations

from pydantic import Field

from kumi.components.data._sources import choose_source, resolve_datastore
from kumi.components.data._writers import FileFormat, IfExists, write_file, write_table
from kumi.core import (
    Category,
    Component,
    InputPort,
    Inputs,
    Outputs,
    Params,
    PortType,
    RunContext,
)


class ExportDataParams(Params):
    path: str = Field(
        "",
        description=(
            "File path, fsspec URL (s3://, abfs:// ...) or datastore://folder/file to write; "
            "{run_id} is replaced by the run's id."
        ),
    )
    file_format: FileFormat = Field("auto", description="auto: from the file extension.")
    database_url: str = Field("", description="SQLAlchemy URL of the target database.")
    table_name: str = Field("", description="SQL table to write (created when missing).")
    if_exists: IfExists = Field("append", description="When the SQL table already exists.")


class ExportData(Component[ExportDataParams]):
    id = "export_data"
    name = "Export Data"
    category = Category.DATA_INPUT_OUTPUT
    description = (
        "Writes the dataset to a CSV, TSV, Parquet or JSON lines file (a local path, written "
        "to a temporary file then renamed, a URL, or datastore://... in the workspace "
        "datastore; {run_id} in the path becomes the run's id), or to a SQL table. Always runs."
    )
    Params = ExportDataParams
    inputs = (InputPort("dataset", PortType.TABLE),)
    outputs = ()
    cacheable = False
    example_params = {"path": "exported.csv"}

    def run(self, params: ExportDataParams, inputs: Inputs, ctx: RunContext) -> Outputs:
        table = inputs.table("dataset")
        kind, where = choose_source(params.path, params.database_url, table_parameter="table_name")
        if kind == "database":
            write_table(table.frame, where, params.table_name, params.if_exists)
            ctx.log(f"Wrote {len(table)} rows to table '{params.table_name}'")
        else:
            where = resolve_datastore(where.replace("{run_id}", ctx.run_id or "no-run"), ctx)
            written = write_file(table.frame, where, params.file_format)
            ctx.log(f"Wrote {len(table)} rows to '{where}' ({written})")
        return {}
