"""The Synapse ``PREDICT`` form runs on PostgreSQL by becoming a ``kumi_predict`` call: scores
equal the Python scorer's, ``d`` and ``p`` read as in Synapse, and a failing statement writes
nothing.

The PREDICT parser (``kumi.scoring.sql.predict_clause``) is not on main yet: these tests build
its clause by hand with ``_Clause``, a stand-in carrying the same fields."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pytest
import sqlalchemy as sa

from kumi.core.errors import InvalidInputError, NotFoundError
from kumi.scoring.postgres.rewrite import query_postgres, rewrite_predict_postgres
from kumi.scoring.registered import ModelRef
from kumi.storage import create_database_engine
from tests.scoring.postgres.conftest import TrainedLoans, read

pytestmark = pytest.mark.postgres
MakeTable = Callable[[str, pd.DataFrame], str]


@dataclass(frozen=True)
class _Clause:
    model: ModelRef
    data_sql: str
    data_alias: str
    with_columns: list[tuple[str, str]] | None
    alias: str
    span: tuple[int, int]


def _clause(sql: str, written: str, model: str, data_sql: str, **fields: object) -> _Clause:
    start = sql.index(written)
    values: dict[str, object] = {"data_alias": "d", "with_columns": None, "alias": "p"}
    values.update(fields)
    return _Clause(ModelRef.parse(model), data_sql, span=(start, start + len(written)), **values)  # type: ignore[arg-type]


def test_predict_over_a_table_scores_like_python(
    scoring_url: str, trained: TrainedLoans, make_table: MakeTable
) -> None:
    table = make_table(scoring_url, trained.rows.assign(row_id=range(len(trained.rows))))
    written = (
        f"PREDICT(MODEL = 'loans', DATA = {table} AS d) "
        'WITH ("Scored Labels" varchar(10), "Scored Probabilities" float) AS p'
    )
    sql = f"SELECT d.row_id, d.grade, p.* FROM {written} WHERE d.row_id >= 0 ORDER BY d.row_id"
    clause = _clause(
        sql,
        written,
        "loans",
        table,
        with_columns=[("Scored Labels", "varchar(10)"), ("Scored Probabilities", "float")],
    )
    scored = read(scoring_url, rewrite_predict_postgres(sql, clause, trained.model))
    assert list(scored.columns) == ["row_id", "grade", "Scored Labels", "Scored Probabilities"]
    expected = trained.expected()
    assert list(scored["Scored Labels"]) == list(expected["Scored Labels"])
    np.testing.assert_allclose(
        scored["Scored Probabilities"], expected["Scored Probabilities"], atol=1e-6
    )
    assert scored["grade"].tolist() == trained.rows["grade"].tolist()


def test_query_over_a_subquery_loads_the_model_from_the_registry(
    postgres_url: str, trained: TrainedLoans, make_table: MakeTable
) -> None:
    table = make_table(postgres_url, trained.rows.head(50).assign(row_id=range(50)))
    data = f"(SELECT * FROM {table} WHERE row_id % 2 = 0)"
    written = f"PREDICT(MODEL = 'loans:1', DATA = {data} AS src) AS scores"
    sql = f"CREATE TABLE even_scored AS SELECT src.row_id, scores.* FROM {written}"
    clause = _clause(sql, written, "loans:1", data, data_alias="src", alias="scores")
    with pytest.raises(NotFoundError, match="No model 'loans:1'"):
        query_postgres(sql, postgres_url, clause)
    assert query_postgres(sql, postgres_url, clause, tracking_uri=trained.tracking_uri).empty
    scored = read(postgres_url, "SELECT * FROM even_scored ORDER BY row_id")
    expected = trained.expected(trained.rows.head(50).iloc[::2])
    assert scored["row_id"].tolist() == list(range(0, 50, 2))
    assert list(scored["Scored Labels"]) == list(expected["Scored Labels"])
    np.testing.assert_allclose(
        scored["Scored Probabilities"], expected["Scored Probabilities"], atol=1e-6
    )
    # the model is in the database now; a plain query runs as written
    again = query_postgres("SELECT count(*) AS n FROM kumi_models", postgres_url)
    assert again["n"].tolist() == [1]


def test_failing_statement_writes_nothing(
    scoring_url: str, trained: TrainedLoans, make_table: MakeTable
) -> None:
    frame = trained.rows.head(30).astype({"income": object})
    frame.loc[20, "income"] = "plenty"
    table = make_table(scoring_url, frame)
    written = f"PREDICT(MODEL = 'loans', DATA = {table} AS d) AS p"
    sql = f"CREATE TABLE never_written AS SELECT d.*, p.* FROM {written}"
    with pytest.raises(InvalidInputError, match="'income' must hold numbers"):
        query_postgres(sql, scoring_url, _clause(sql, written, "loans", table))
    engine = create_database_engine(scoring_url)
    try:
        assert not sa.inspect(engine).has_table("never_written")
    finally:
        engine.dispose()


def test_with_naming_an_unknown_score_column_is_refused(trained: TrainedLoans) -> None:
    written = "PREDICT(MODEL = 'loans', DATA = t AS d) WITH (Score float) AS p"
    sql = f"SELECT * FROM {written}"
    clause = _clause(sql, written, "loans", "t", with_columns=[("Score", "float")])
    with pytest.raises(InvalidInputError, match="WITH names 'Score'"):
        rewrite_predict_postgres(sql, clause, trained.model)
    subquery = _clause(sql, written, "loans", "(SELECT 1)")
    with pytest.raises(InvalidInputError, match="subquery"):
        rewrite_predict_postgres(sql, subquery, trained.model)
