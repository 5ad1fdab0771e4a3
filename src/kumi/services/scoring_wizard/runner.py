"""A scoring run: check the request against the table and the model (before anything
runs), then write the scored table through the database's scoring path."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pandas as pd

from kumi.scoring.registered import RegisteredOnnx
from kumi.services.scoring_wizard.databases import (
    count_rows,
    is_postgres,
    preview,
    table_columns,
)
from kumi.services.scoring_wizard.mapping import (
    MappingCheck,
    auto_mapping,
    check_mapping,
    require_runnable,
    runnable_mapping,
)
from kumi.services.scoring_wizard.models import load_model
from kumi.services.scoring_wizard.request import (
    MappingRequest,
    ScoringJobRequest,
    check_output,
    check_target,
    chosen_score_columns,
)

Progress = Callable[[int, int], None]
PREVIEW_ROWS = 20


@dataclass(frozen=True)
class ScoringPlan:
    """A checked scoring run: every name resolved, the mapping runnable."""

    database: str
    table: str
    model: RegisteredOnnx
    mapping: dict[str, str]
    target: str
    score_columns: list[str]
    output: str = "table"

    @property
    def model_ref(self) -> str:
        return f"{self.model.name}:{self.model.version}"


def mapping_checks(request: MappingRequest, tracking_uri: str) -> list[MappingCheck]:
    """The request's mapping (matched by name where it gives none) and how each input fits."""
    model = load_model(request.model, tracking_uri)
    columns = table_columns(request.database, request.table)
    mapping = request.mapping if request.mapping is not None else auto_mapping(model, columns)
    return check_mapping(model, columns, mapping)


def plan_scoring(request: ScoringJobRequest, tracking_uri: str) -> ScoringPlan:
    """The run ``request`` asks for, checked; kumi errors naming what is wrong otherwise
    (unknown table or model, a mapping that cannot run, a bad output name)."""
    check_target(request.target, request.table)
    check_output(request.output, is_postgres(request.database))
    model = load_model(request.model, tracking_uri)
    checks = mapping_checks(request, tracking_uri)
    require_runnable(checks)
    return ScoringPlan(
        database=request.database,
        table=request.table,
        model=model,
        mapping=runnable_mapping(checks),
        target=request.target,
        score_columns=chosen_score_columns(model, request.score_columns),
        output=request.output,
    )


def source_rows(plan: ScoringPlan) -> int:
    return count_rows(plan.database, plan.table)


def generated_sql(plan: ScoringPlan) -> str:
    """The statement that scores the table by hand, in the database's own SQL."""
    if is_postgres(plan.database):
        from kumi.scoring.postgres.plpython import predict_sql_postgres

        return str(predict_sql_postgres(plan.model, plan.table, plan.mapping))
    from kumi.scoring.sql.duckdb_predict import predict_sql_duckdb

    return str(predict_sql_duckdb(plan.model_ref, plan.table, plan.mapping))


def write_scores(plan: ScoringPlan, on_progress: Progress | None = None) -> int:
    """Score every row into table ``plan.target`` (all or nothing), or create view
    ``plan.target`` scoring them inside PostgreSQL; the rows written (or the view shows)."""
    if plan.output == "view":
        from kumi.services.scoring_wizard.postgres_view import create_scored_view

        return create_scored_view(plan, on_progress)
    if is_postgres(plan.database):
        from kumi.scoring.postgres.enrich import enrich_table

        return int(
            enrich_table(
                plan.database,
                plan.table,
                plan.model,
                plan.target,
                plan.mapping,
                score_columns=plan.score_columns,
                on_progress=on_progress,
            )
        )
    from kumi.scoring.sql.duckdb_predict import score_duckdb_table

    return int(
        score_duckdb_table(
            plan.database,
            plan.table,
            plan.model,
            plan.mapping,
            plan.target,
            score_columns=plan.score_columns,
            on_progress=on_progress,
        )
    )


def result_preview(plan: ScoringPlan, rows: int = PREVIEW_ROWS) -> dict[str, Any]:
    """The first rows of the written table: ``{"columns", "rows"}`` (rows as records)."""
    return frame_json(preview(plan.database, plan.target, rows))


def frame_json(frame: pd.DataFrame) -> dict[str, Any]:
    """A table as ``{"columns": [...], "rows": [{column: value}]}`` (missing values: None)."""
    values = frame.astype(object).where(frame.notna(), None)
    return {"columns": [str(c) for c in frame.columns], "rows": values.to_dict(orient="records")}
