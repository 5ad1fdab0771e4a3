"""The Synapse-style PREDICT clause read from SQL text: its parts, where it sits, and a
clear error for each way of writing it wrong."""

from __future__ import annotations

import pytest

from kumi.core.errors import InvalidInputError
from kumi.scoring.registered import ModelRef
from kumi.scoring.sql import find_predict


def test_reads_model_data_with_and_aliases() -> None:
    sql = (
        "SELECT d.*, p.* FROM predict(model = 'churn:2', data = (SELECT a AS \"b c\", f(x) "
        "FROM t WHERE y IN (1, 2) AND s = ')') AS d) "
        'WITH ("Scored Labels" VARCHAR, "Scored Probabilities" DOUBLE PRECISION, '
        "x DECIMAL(10, 2)) AS p WHERE p.x > 1"
    )
    clause = find_predict(sql)
    assert clause is not None
    assert clause.model == ModelRef("churn", 2)
    assert clause.data_sql == "(SELECT a AS \"b c\", f(x) FROM t WHERE y IN (1, 2) AND s = ')')"
    assert clause.data_is_subquery
    assert (clause.data_alias, clause.alias) == ("d", "p")
    assert clause.with_columns == [
        ("Scored Labels", "VARCHAR"),
        ("Scored Probabilities", "DOUBLE PRECISION"),
        ("x", "DECIMAL(10, 2)"),
    ]
    start, end = clause.span
    assert sql[start:end].startswith("predict(") and sql[start:end].endswith("AS p")
    assert sql[end:] == " WHERE p.x > 1"


def test_qualified_quoted_table_any_argument_order_and_default_aliases() -> None:
    clause = find_predict("SELECT * FROM PREDICT(DATA = main.\"my table\" dd, MODEL='m') pp")
    assert clause is not None
    assert (clause.model, clause.data_sql) == (ModelRef("m"), 'main."my table"')
    assert (clause.data_alias, clause.alias, clause.with_columns) == ("dd", "pp", None)
    bare = "SELECT * FROM PREDICT(MODEL = 'm', DATA = t) WHERE 1 = 1"
    clause = find_predict(bare)
    assert clause is not None and (clause.data_alias, clause.alias) == ("d", "p")
    assert bare[clause.span[1] :] == " WHERE 1 = 1"


def test_predict_inside_strings_comments_or_names_is_not_a_clause() -> None:
    assert find_predict("SELECT 'PREDICT(MODEL = ''m'')' AS s FROM t") is None
    assert find_predict("SELECT 1 -- PREDICT(MODEL = 'm', DATA = t)\n") is None
    assert find_predict('SELECT "predict(" FROM my_predict(1)') is None
    assert find_predict("SELECT predict FROM t") is None


@pytest.mark.parametrize(
    ("sql", "says"),
    [
        ("SELECT * FROM PREDICT(MODEL = 'm') AS p", "names no DATA table"),
        ("SELECT * FROM PREDICT(MODEL = 'm', DATA = ) AS p", "names no DATA table"),
        ("SELECT * FROM PREDICT(MODEL = m, DATA = t AS d) AS p", "MODEL must be a quoted"),
        ("SELECT * FROM PREDICT(MODEL = 'm', DATA = t AS d) WITH (x) AS p", "WITH item 'x'"),
        ("SELECT * FROM PREDICT(MODEL = 'm', DATA = t AS d) WITH (x INT,) AS p", "WITH item ''"),
        ("SELECT * FROM PREDICT(MODEL = 'm', DATA = t AS d) WITH () AS p", "lists no columns"),
        ("SELECT * FROM PREDICT(MODEL = 'm', DATA = t AS d WITH (x INT) AS p", "never closed"),
        ("SELECT * FROM PREDICT(MODEL = 'm', DATA = t AS d, SPEED = 3) AS p", "not SPEED"),
        ("SELECT * FROM PREDICT(MODEL = 'm', DATA = t AS d e) AS p", "followed by AS alias"),
        ("SELECT * FROM PREDICT(MODEL = 'm:x', DATA = t) AS p", "whole number"),
    ],
)
def test_malformed_clauses_say_what_to_write(sql: str, says: str) -> None:
    with pytest.raises(InvalidInputError, match=says) as raised:
        find_predict(sql)
    assert "PREDICT" in raised.value.message or "version" in raised.value.message
