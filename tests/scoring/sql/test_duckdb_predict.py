"""PREDICT in DuckDB with real registered models: the scores equal the Python model's for
the same rows, typed by WITH or by the model's spec; models found in the database's
kumi_models table before the registry; the scalar function; and a clear error (with
nothing written) for each kind of bad input."""

from __future__ import annotations

from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pytest

import kumi.sql
from kumi.core.errors import ColumnNotFoundError, ColumnTypeError, InvalidInputError, NotFoundError
from kumi.scoring.sql.duckdb_models import MODELS_TABLE
from tests.scoring.sql.conftest import RegisteredCase, database_with

pytestmark = pytest.mark.slow

SCORES = "SELECT d.*, p.* FROM PREDICT(MODEL = '{model}', DATA = {data} AS d) {with_clause} AS p"


def predict_sql(model: str, data: str = "rows", with_clause: str = "") -> str:
    return SCORES.format(model=model, data=data, with_clause=with_clause)


def assert_scores_equal(actual: pd.DataFrame, expected: pd.DataFrame) -> None:
    for column in expected.columns:
        if pd.api.types.is_float_dtype(expected[column]):
            np.testing.assert_allclose(actual[column], expected[column], atol=1e-6, err_msg=column)
        else:
            assert actual[column].tolist() == expected[column].tolist(), column


@pytest.fixture
def loans_db(tmp_path: Path, binary: RegisteredCase) -> Path:
    return database_with(tmp_path / "shop.duckdb", rows=binary.rows)


def test_binary_scores_equal_the_python_model_typed_by_with(
    loans_db: Path, binary: RegisteredCase
) -> None:
    sql = predict_sql("loans:1", with_clause='WITH ("Scored Probabilities" FLOAT)')
    scored = kumi.sql.query(sql, database=loans_db, workspace=binary.workspace)
    assert list(scored.columns) == [*binary.rows.columns, "Scored Probabilities"]
    assert scored["Scored Probabilities"].dtype == np.float32  # the WITH type
    np.testing.assert_allclose(
        scored["Scored Probabilities"], binary.expected["Scored Probabilities"], atol=1e-6
    )
    pd.testing.assert_series_equal(scored["income"], binary.rows["income"])


def test_without_with_the_spec_types_every_score_column(
    loans_db: Path, binary: RegisteredCase
) -> None:
    sql = (
        'SELECT typeof(p."Scored Labels") AS label_type, typeof(p."Scored Probabilities") AS '
        "probability_type, p.* FROM PREDICT(MODEL = 'loans', DATA = rows AS d) AS p"
    )
    scored = kumi.sql.query(sql, database=loans_db, workspace=binary.workspace)
    assert set(scored["label_type"]) == {"VARCHAR"}
    assert set(scored["probability_type"]) == {"DOUBLE"}
    assert_scores_equal(scored[list(binary.expected.columns)], binary.expected)


def test_subquery_data_filters_rows_and_scores_still_line_up(
    loans_db: Path, binary: RegisteredCase
) -> None:
    sql = predict_sql(
        "loans",
        data="(SELECT * FROM rows WHERE grade = 'B' AND income IS NOT NULL ORDER BY income DESC)",
    )
    scored = kumi.sql.query(sql, database=loans_db, workspace=binary.workspace)
    chosen = (binary.rows["grade"] == "B") & binary.rows["income"].notna()
    expected = binary.expected[chosen.to_numpy()].assign(income=binary.rows.loc[chosen, "income"])
    expected = expected.sort_values("income", ascending=False)
    assert len(scored) == chosen.sum() > 0
    np.testing.assert_allclose(scored["income"], expected["income"])
    assert_scores_equal(scored[list(binary.expected.columns)], expected[binary.expected.columns])


def test_a_model_loaded_into_the_database_needs_no_workspace(
    loans_db: Path, binary: RegisteredCase, tmp_path: Path
) -> None:
    loaded = kumi.sql.load_model("loans", database=loans_db, workspace=binary.workspace)
    assert (loaded.name, loaded.version) == ("loans", 1)
    kumi.sql.load_model("loans:1", database=loans_db, workspace=binary.workspace)  # replaces
    with duckdb.connect(str(loans_db)) as connection:
        stored = connection.execute(
            f"SELECT name, version, signature FROM {MODELS_TABLE}"
        ).fetchall()
    assert [(name, version) for name, version, _ in stored] == [("loans", 1)]
    assert '"income"' in stored[0][2]
    empty = tmp_path / "empty-workspace"  # holds no registry: the database's table answers
    scored = kumi.sql.query(predict_sql("loans:1"), database=loans_db, workspace=empty)
    assert_scores_equal(scored[list(binary.expected.columns)], binary.expected)
    assert not (empty / "mlflow.db").exists()


def test_multiclass_scores_every_class_probability(
    tmp_path: Path, multiclass: RegisteredCase
) -> None:
    database = database_with(tmp_path / "birds.duckdb", penguins=multiclass.rows)
    with duckdb.connect(str(database)) as connection:
        scored = kumi.sql.query(
            predict_sql("species", data="penguins"),
            database=connection,
            workspace=multiclass.workspace,
        )
    score_columns = list(multiclass.expected.columns[-4:])
    assert score_columns[0] == "Scored Labels"
    assert all(c.startswith("Scored Probabilities_") for c in score_columns[1:])
    assert_scores_equal(scored[score_columns], multiclass.expected[score_columns])


def test_registered_scalar_function_scores_like_predict(
    loans_db: Path, binary: RegisteredCase
) -> None:
    with duckdb.connect(str(loans_db)) as connection:
        labels = kumi.sql.register_model_function(connection, "loans", workspace=binary.workspace)
        probability = kumi.sql.register_model_function(
            connection,
            "loans:1",
            workspace=binary.workspace,
            name="loan_probability",
            output="Scored Probabilities",
        )
        assert labels == "predict_loans"
        scored = connection.sql(
            f"SELECT {labels}(income, grade, opened) AS label, "
            "loan_probability(income, grade, opened) AS probability FROM rows"
        ).df()
    assert scored["label"].tolist() == binary.expected["Scored Labels"].tolist()
    np.testing.assert_allclose(
        scored["probability"], binary.expected["Scored Probabilities"], atol=1e-6
    )
    assert probability == "loan_probability"


def test_enriched_table_and_the_sql_to_rerun_it(tmp_path: Path, binary: RegisteredCase) -> None:
    renamed = binary.rows.rename(columns={"income": "salary"})
    database = database_with(tmp_path / "hr.duckdb", staff=renamed)
    model = kumi.sql.load_model("loans", database=database, workspace=binary.workspace)
    seen: list[tuple[int, int]] = []
    written = kumi.scoring.sql.duckdb_predict.score_duckdb_table(
        database,
        "staff",
        model,
        {"income": "salary"},
        "staff scored",
        score_columns=["Scored Probabilities"],
        on_progress=lambda done, total: seen.append((done, total)),
    )
    assert written == len(renamed) and seen[-1] == (written, written)
    table = kumi.sql.query('SELECT * FROM "staff scored"', database=database)
    assert list(table.columns) == [*renamed.columns, "Scored Probabilities"]
    np.testing.assert_allclose(
        table["Scored Probabilities"], binary.expected["Scored Probabilities"], atol=1e-6
    )
    statement = kumi.scoring.sql.duckdb_predict.predict_sql_duckdb(
        "loans:1", "staff", {"income": "salary", "grade": "grade"}
    )
    again = kumi.sql.query(statement, database=database)
    np.testing.assert_allclose(
        again["Scored Probabilities"], binary.expected["Scored Probabilities"], atol=1e-6
    )


@pytest.mark.parametrize(
    ("sql", "error", "says"),
    [
        (
            predict_sql("loans", "(SELECT grade, opened FROM rows)"),
            ColumnNotFoundError,
            "reads column 'income'",
        ),
        (
            predict_sql("loans", "(SELECT * REPLACE (grade AS income) FROM rows)"),
            ColumnTypeError,
            "Column 'income' holds string values, but model 'loans:1' needs numbers",
        ),
        (predict_sql("ghost"), NotFoundError, "No registered model is named 'ghost'"),
        (predict_sql("loans:9"), NotFoundError, "has no version 9"),
        ("SELECT * FROM PREDICT(MODEL = 'loans') AS p", InvalidInputError, "names no DATA"),
        (
            predict_sql("loans", with_clause='WITH ("Scored Labels")'),
            InvalidInputError,
            "not a column name followed by a SQL type",
        ),
        (
            predict_sql("loans", with_clause="WITH (Confidence DOUBLE)"),
            InvalidInputError,
            "WITH names 'Confidence', which model 'loans:1' does not produce",
        ),
        (
            predict_sql("loans", with_clause='WITH ("Scored Labels" NUMBERISH)'),
            InvalidInputError,
            "type 'NUMBERISH'",
        ),
        (predict_sql("loans", data="nowhere"), InvalidInputError, "nowhere"),
    ],
)
def test_bad_input_is_named_and_writes_nothing(
    loans_db: Path, binary: RegisteredCase, sql: str, error: type[Exception], says: str
) -> None:
    with pytest.raises(error, match=says):
        kumi.sql.query(
            f"CREATE TABLE scored AS {sql}", database=loans_db, workspace=binary.workspace
        )
    tables = kumi.sql.query("SHOW TABLES", database=loans_db)["name"].tolist()
    assert "scored" not in tables


def test_a_failure_while_the_statement_runs_rolls_it_back(
    loans_db: Path, binary: RegisteredCase
) -> None:
    sql = predict_sql("loans", with_clause='WITH ("Scored Labels" INTEGER)')  # 'yes' is no integer
    with pytest.raises(InvalidInputError, match="The query failed"):
        kumi.sql.query(
            f"CREATE TABLE scored AS {sql}", database=loans_db, workspace=binary.workspace
        )
    assert "scored" not in kumi.sql.query("SHOW TABLES", database=loans_db)["name"].tolist()
    with pytest.raises(InvalidInputError, match="A view cannot hold PREDICT"):
        kumi.sql.query(f"CREATE VIEW scored AS {predict_sql('loans')}", database=loans_db)
