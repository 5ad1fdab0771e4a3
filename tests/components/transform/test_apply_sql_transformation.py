"""Apply SQL Transformation: queries over t1..t3, and no way out to files or the network."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from kumi.core import InvalidParameterError, Table
from kumi.testing import example


def _sql(run, script: str, **tables: Table) -> pd.DataFrame:
    tables = tables or {"t1": example("table")}
    out = run("apply_sql_transformation", {"sql_query_script": script}, **tables)
    return out["result_dataset"].frame


def test_joins_inputs_and_returns_the_last_select(run) -> None:
    people = Table.of(pd.DataFrame({"id": [1, 2, 3], "name": ["ada", "bob", "cy"]}))
    scores = Table.of(pd.DataFrame({"id": [1, 3], "score": [0.5, 0.9]}))
    frame = _sql(
        run,
        "CREATE TABLE joined AS SELECT p.name, s.score FROM t1 p JOIN t2 s ON p.id = s.id;"
        "SELECT 'ignored; text' AS x;"
        "SELECT name, score * 2 AS doubled FROM joined ORDER BY name",
        t1=people,
        t2=scores,
    )
    assert frame.to_dict("list") == {"name": ["ada", "cy"], "doubled": [1.0, 1.8]}


def test_aggregate_matches_pandas_and_keeps_t1_roles(run) -> None:
    out = run(
        "apply_sql_transformation",
        {"sql_query_script": "SELECT label, avg(balance) AS m FROM t1 GROUP BY label ORDER BY 1"},
        t1=example("table"),
    )["result_dataset"]
    expected = example("table").frame.groupby("label")["balance"].mean()
    assert out.frame["m"].tolist() == pytest.approx(expected.tolist())
    assert out.label == "label"


def test_reading_a_file_fails(run, tmp_path: Path) -> None:
    secret = tmp_path / "secret.csv"
    secret.write_text("a\n1\n")
    for script in (
        f"SELECT * FROM read_csv('{secret}')",
        f"SELECT * FROM '{secret}'",
        f"SELECT * FROM read_text('{secret}')",
        f"SELECT * FROM glob('{tmp_path}/*')",
    ):
        with pytest.raises(InvalidParameterError):
            _sql(run, script)


@pytest.mark.parametrize(
    "script",
    [
        "COPY t1 TO '{folder}/out.csv'",
        "ATTACH '{folder}/other.db' AS other",
        "INSTALL httpfs",
        "LOAD httpfs",
        "EXPORT DATABASE '{folder}/dump'",
        "SET enable_external_access = true",
        "SELECT * FROM read_csv('https://example.com/data.csv')",
    ],
)
def test_writing_attaching_and_extensions_are_refused(run, tmp_path: Path, script: str) -> None:
    with pytest.raises(InvalidParameterError):
        _sql(run, script.format(folder=tmp_path) + "; SELECT 1")
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_python_variables_are_not_visible(run) -> None:
    hidden = pd.DataFrame({"x": [1]})  # noqa: F841 - must not be reachable from SQL
    with pytest.raises(InvalidParameterError, match="hidden"):
        _sql(run, "SELECT * FROM hidden")


@pytest.mark.parametrize(
    ("script", "match"),
    [
        ("SELEC * FROM t1", "SQL"),
        ("CREATE TABLE x AS SELECT 1 AS a", "SELECT"),
        ("   ", "empty"),
        ("SELECT * FROM t2", "t2"),
    ],
)
def test_bad_scripts_are_parameter_errors(run, script, match) -> None:
    with pytest.raises(InvalidParameterError, match=match):
        _sql(run, script)
