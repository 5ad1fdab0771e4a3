"""`kumi sql` and `kumi models load` with a real registered multiclass model: rows as JSON
objects with the model's scores, the model copied into the DuckDB file, and bad input as a
message on stderr with exit code 2 and no traceback."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import numpy as np
import pytest
from tests.scoring.sql.conftest import RegisteredCase, database_with, multiclass
from tests.tracking.conftest import fitted_steps, penguins
from typer.testing import CliRunner

from kumi.cli import app

__all__ = ["fitted_steps", "multiclass", "penguins"]
pytestmark = pytest.mark.slow
runner = CliRunner()

PREDICT = (
    "SELECT d.island, p.* FROM PREDICT(MODEL = '{model}', DATA = {data} AS d) "
    'WITH ("Scored Labels" VARCHAR, "Scored Probabilities_Adelie" DOUBLE) AS p'
)


@pytest.fixture
def birds(tmp_path: Path, multiclass: RegisteredCase) -> Path:
    return database_with(tmp_path / "birds.duckdb", penguins=multiclass.rows)


def test_sql_prints_rows_as_json_objects(birds: Path, multiclass: RegisteredCase) -> None:
    sql = PREDICT.format(model="species", data="penguins")
    result = runner.invoke(
        app, ["sql", sql, "--database", str(birds), "-w", str(multiclass.workspace), "--json"]
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert len(rows) == len(multiclass.rows)
    assert list(rows[0]) == ["island", "Scored Labels", "Scored Probabilities_Adelie"]
    assert [r["Scored Labels"] for r in rows] == multiclass.expected["Scored Labels"].tolist()
    np.testing.assert_allclose(
        [r["Scored Probabilities_Adelie"] for r in rows],
        multiclass.expected["Scored Probabilities_Adelie"],
        atol=1e-6,
    )
    assert any(r["island"] is None for r in rows)  # missing values are JSON null


def test_models_load_then_sql_without_the_workspace(
    birds: Path, multiclass: RegisteredCase, tmp_path: Path
) -> None:
    loaded = runner.invoke(
        app,
        [
            "models",
            "load",
            "species:1",
            "--database",
            str(birds),
            "-w",
            str(multiclass.workspace),
            "--json",
        ],
    )
    assert loaded.exit_code == 0, loaded.output
    summary = json.loads(loaded.stdout)
    assert (summary["name"], summary["version"], summary["table"]) == ("species", 1, "kumi_models")
    assert {"column": "Scored Labels", "type": "text"} in summary["outputs"]
    with duckdb.connect(str(birds)) as connection:
        assert connection.execute("SELECT count(*) FROM kumi_models").fetchall() == [(1,)]
    sql = "SELECT count(*) AS n FROM PREDICT(MODEL = 'species:1', DATA = penguins AS d) AS p"
    shown = runner.invoke(app, ["sql", sql, "--database", str(birds), "-w", str(tmp_path / "no")])
    assert shown.exit_code == 0, shown.output
    assert str(len(multiclass.rows)) in shown.stdout


@pytest.mark.parametrize(
    ("sql", "says"),
    [
        (PREDICT.format(model="species", data="(SELECT island FROM penguins)"), "bill_length_mm"),
        (
            PREDICT.format(
                model="species",
                data="(SELECT * REPLACE (island AS bill_length_mm) FROM penguins)",
            ),
            "Column 'bill_length_mm' holds string values",
        ),
        (PREDICT.format(model="species:4", data="penguins"), "has no version 4"),
        (PREDICT.format(model="ghost", data="penguins"), "named 'ghost'"),
        ("SELECT * FROM PREDICT(MODEL = 'species') AS p", "names no DATA table"),
        (
            PREDICT.replace("DOUBLE)", ")").format(model="species", data="penguins"),
            "not a column name followed by a SQL type",
        ),
        (
            PREDICT.replace("_Adelie", "_Emu").format(model="species", data="penguins"),
            "WITH names 'Scored Probabilities_Emu'",
        ),
    ],
)
def test_bad_input_is_a_message_on_stderr_and_exit_2(
    birds: Path, multiclass: RegisteredCase, sql: str, says: str
) -> None:
    statement = f"CREATE TABLE scored AS {sql}"
    result = runner.invoke(
        app, ["sql", statement, "--database", str(birds), "-w", str(multiclass.workspace)]
    )
    assert result.exit_code == 2
    assert says in result.stderr and "Traceback" not in result.output
    with duckdb.connect(str(birds)) as connection:
        tables = [row[0] for row in connection.execute("SHOW TABLES").fetchall()]
    assert "scored" not in tables


def test_models_load_of_an_unknown_model_exits_2(birds: Path, multiclass: RegisteredCase) -> None:
    result = runner.invoke(
        app, ["models", "load", "ghost", "--database", str(birds), "-w", str(multiclass.workspace)]
    )
    assert result.exit_code == 2 and "named 'ghost'" in result.stderr
