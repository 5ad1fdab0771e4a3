"""``kumi_predict`` runs the registered ONNX model inside PostgreSQL (PL/Python +
onnxruntime) and answers what the Python scorer answers for the same rows."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd
import pytest
import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError

from kumi.scoring.postgres import (
    install_predict_function,
    load_model_postgres,
    predict_sql_postgres,
    store_model_postgres,
)
from kumi.storage import create_database_engine
from tests.scoring.postgres.conftest import TrainedLoans, read

pytestmark = pytest.mark.postgres


def _assert_scores_equal(scored: pd.DataFrame, expected: pd.DataFrame) -> None:
    assert list(scored["Scored Labels"]) == list(expected["Scored Labels"])
    np.testing.assert_allclose(
        scored["Scored Probabilities"].to_numpy(),
        expected["Scored Probabilities"].to_numpy(),
        atol=1e-6,
    )


def _error_of(url: str, sql: str) -> str:
    engine = create_database_engine(url)
    try:
        with engine.connect() as connection, pytest.raises(DBAPIError) as caught:
            connection.execute(sa.text(sql)).all()
    finally:
        engine.dispose()
    return str(caught.value.orig)


def test_generated_statement_scores_like_python(
    scoring_url: str, trained: TrainedLoans, make_table: Callable[[str, pd.DataFrame], str]
) -> None:
    table = make_table(scoring_url, trained.rows.assign(row_id=range(len(trained.rows))))
    sql = predict_sql_postgres(trained.model, table, {})
    scored = read(scoring_url, f"SELECT * FROM ({sql}) AS s ORDER BY row_id")
    assert list(scored.columns) == [
        *trained.rows.columns,
        "row_id",
        "Scored Labels",
        "Scored Probabilities",
    ]
    _assert_scores_equal(scored, trained.expected())
    pd.testing.assert_series_equal(scored["grade"], trained.rows["grade"], check_names=False)


def test_hand_written_call_with_mapping_and_chosen_scores(
    scoring_url: str, trained: TrainedLoans, make_table: Callable[[str, pd.DataFrame], str]
) -> None:
    renamed = trained.rows.rename(columns={"income": "salary"}).head(60)
    table = make_table(scoring_url, renamed)
    scored = read(
        scoring_url,
        f"SELECT * FROM kumi_predict('loans:1', 'SELECT salary, grade, opened, owner, stores "
        f"FROM {table}', '{{\"income\": \"salary\"}}', ARRAY['Scored Probabilities'])"
        " AS p(salary float8, grade text, opened timestamp, owner boolean, stores bigint,"
        ' "Scored Probabilities" float8)',
    )
    assert list(scored.columns)[-1] == "Scored Probabilities"
    np.testing.assert_allclose(
        scored["Scored Probabilities"],
        trained.expected(trained.rows.head(60))["Scored Probabilities"],
        atol=1e-6,
    )


def test_generated_statement_maps_renamed_columns(
    scoring_url: str, trained: TrainedLoans, make_table: Callable[[str, pd.DataFrame], str]
) -> None:
    renamed = trained.rows.rename(columns={"grade": "Loan Grade"}).head(40)
    table = make_table(scoring_url, renamed)
    sql = predict_sql_postgres(trained.model, table, {"grade": "Loan Grade", "income": "income"})
    scored = read(scoring_url, sql)
    _assert_scores_equal(scored, trained.expected(trained.rows.head(40)))


def test_model_round_trips_through_the_models_table(
    scoring_url: str, trained: TrainedLoans
) -> None:
    stored = load_model_postgres(scoring_url, "loans")
    assert stored is not None
    assert (stored.name, stored.version, stored.model_bytes) == (
        "loans",
        1,
        trained.model.model_bytes,
    )
    assert stored.output_columns == trained.model.output_columns
    assert stored.signature == trained.model.signature
    assert load_model_postgres(scoring_url, "loans:7") is None
    # loading again replaces the same version and the function still answers
    store_model_postgres(scoring_url, trained.model)
    install_predict_function(scoring_url)
    assert load_model_postgres(scoring_url, "loans:1") is not None


def test_missing_model_or_version_is_named(scoring_url: str) -> None:
    message = _error_of(
        scoring_url, "SELECT * FROM kumi_predict('nope', 'SELECT 1 AS a') AS p(a int, s text)"
    )
    assert "No model nope" in message
    message = _error_of(
        scoring_url,
        "SELECT * FROM kumi_predict('loans:9', 'SELECT 1 AS a') AS p(a int, s text, q float8)",
    )
    assert "loans version 9" in message


def test_missing_input_column_is_named(
    scoring_url: str, trained: TrainedLoans, make_table: Callable[[str, pd.DataFrame], str]
) -> None:
    table = make_table(scoring_url, trained.rows.drop(columns=["grade"]).head(5))
    message = _error_of(scoring_url, predict_sql_postgres(trained.model, table))
    assert "no column 'grade'" in message


def test_text_in_a_numeric_input_is_named(
    scoring_url: str, trained: TrainedLoans, make_table: Callable[[str, pd.DataFrame], str]
) -> None:
    frame = trained.rows.head(5).astype({"income": object})
    frame.loc[2, "income"] = "plenty"
    table = make_table(scoring_url, frame)
    message = _error_of(scoring_url, predict_sql_postgres(trained.model, table))
    assert "'income' must hold numbers" in message and "plenty" in message
