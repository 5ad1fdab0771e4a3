"""The wizard's view output on PostgreSQL: a view over ``kumi_predict`` that scores the
table's rows inside the server each time it is read (so it follows the table's changes)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError

from kumi.core.errors import InvalidInputError
from kumi.storage import create_database_engine

if TYPE_CHECKING:
    from kumi.services.scoring_wizard.runner import ScoringPlan


def create_scored_view(plan: ScoringPlan, on_progress: Callable[[int, int], None] | None) -> int:
    """Load the model into ``kumi_models``, install ``kumi_predict`` and (re)create view
    ``plan.target`` in one transaction, read once through to check it; the rows it shows."""
    from kumi.scoring.postgres import (
        install_predict_function,
        predict_sql_postgres,
        store_model_postgres,
    )
    from kumi.scoring.postgres._sql import quote_identifier

    store_model_postgres(plan.database, plan.model)
    install_predict_function(plan.database)
    scored = predict_sql_postgres(plan.model, plan.table, plan.mapping)
    kept = ", ".join(quote_identifier(c) for c in plan.score_columns)
    view = quote_identifier(plan.target)
    engine = create_database_engine(plan.database)
    try:
        with engine.begin() as connection:
            table_columns = _columns(connection, plan.table)
            chosen = ", ".join([*(quote_identifier(c) for c in table_columns), kept])
            cursor = connection.connection.cursor()  # '%' in names is no parameter marker
            cursor.execute(f"DROP VIEW IF EXISTS {view}")
            cursor.execute(f"CREATE VIEW {view} AS SELECT {chosen} FROM ({scored}) AS scored")
            cursor.execute(f"SELECT count(*) FROM {view}")  # scores every row once: a check
            counted = cursor.fetchone()
            rows = int(counted[0]) if counted else 0
    except DBAPIError as exc:
        reason = str(exc.orig).strip().splitlines()[0]
        raise InvalidInputError(
            f"PostgreSQL refused the scored view '{plan.target}': {reason}",
            details={"target": plan.target},
        ) from exc
    finally:
        engine.dispose()
    if on_progress is not None:
        on_progress(rows, rows)
    return rows


def _columns(connection: sa.Connection, table: str) -> list[str]:
    schema, _, name = table.rpartition(".")
    found = sa.inspect(connection).get_columns(name, schema=schema or None)
    return [str(c["name"]) for c in found]
