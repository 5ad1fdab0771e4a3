"""Apply SQL Transformation: query up to three datasets with SQL (DuckDB, in memory)."""

from __future__ import annotations

from pydantic import Field

from kumi.components._transforms.sql_sandbox import run_sql
from kumi.core import (
    Category,
    Component,
    InputPort,
    Inputs,
    OutputPort,
    Outputs,
    Params,
    PortType,
    RunContext,
    SqlText,
)


class ApplySqlTransformationParams(Params):
    sql_query_script: SqlText = Field(
        "SELECT * FROM t1;",
        description="Statements separated by ';'; the last SELECT is the result.",
    )


class ApplySqlTransformation(Component[ApplySqlTransformationParams]):
    id = "apply_sql_transformation"
    name = "Apply SQL Transformation"
    category = Category.DATA_TRANSFORMATION
    description = (
        "Runs a SQL script (DuckDB dialect) over the inputs, available as tables t1, t2 and "
        "t3; the last SELECT is the result. Files, URLs, other databases and extensions are "
        "not reachable. Columns keeping a name of t1 keep its roles."
    )
    Params = ApplySqlTransformationParams
    inputs = (
        InputPort("t1", PortType.TABLE),
        InputPort("t2", PortType.TABLE, optional=True),
        InputPort("t3", PortType.TABLE, optional=True),
    )
    outputs = (OutputPort("result_dataset", PortType.TABLE),)

    def run(self, params: ApplySqlTransformationParams, inputs: Inputs, ctx: RunContext) -> Outputs:
        t1 = inputs.table("t1")
        tables = {"t1": t1.frame}
        for name in ("t2", "t3"):
            table = inputs.optional_table(name)
            if table is not None:
                tables[name] = table.frame
        frame = run_sql(tables, params.sql_query_script)
        ctx.log(f"Query returned {len(frame)} row(s) and {frame.shape[1]} column(s)")
        return {"result_dataset": t1.derive(frame)}
