"""The client-side enrich path streams a table through onnxruntime in batches and writes the
enriched table in one transaction, on PostgreSQL (COPY) and SQLite alike."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import sqlalchemy as sa

from kumi.core.errors import ColumnNotFoundError, ColumnTypeError, InvalidInputError, NotFoundError
from kumi.scoring.postgres.enrich import enrich_table
from kumi.storage import create_database_engine
from tests.scoring.postgres.conftest import TrainedLoans, read, sqlite_url

MakeTable = Callable[[str, pd.DataFrame], str]


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return sqlite_url(tmp_path)
    return str(request.getfixturevalue("postgres_url"))


def _tables(url: str) -> set[str]:
    engine = create_database_engine(url)
    try:
        return set(sa.inspect(engine).get_table_names())
    finally:
        engine.dispose()


def test_enriched_table_holds_the_python_scores(
    database: str, trained: TrainedLoans, make_table: MakeTable
) -> None:
    frame = trained.rows.rename(columns={"income": "salary"})
    table = make_table(database, frame.assign(row_id=range(len(frame))))
    progress: list[tuple[int, int]] = []
    written = enrich_table(
        database,
        table,
        trained.model,
        "scored",
        {"income": "salary"},
        batch_size=70,
        on_progress=lambda done, total: progress.append((done, total)),
    )
    assert written == len(frame)
    assert progress == [(70, 300), (140, 300), (210, 300), (280, 300), (300, 300)]
    scored = read(database, "SELECT * FROM scored ORDER BY row_id")
    assert list(scored.columns) == [
        *frame.columns,
        "row_id",
        "Scored Labels",
        "Scored Probabilities",
    ]
    expected = trained.expected()
    assert list(scored["Scored Labels"]) == list(expected["Scored Labels"])
    np.testing.assert_allclose(
        scored["Scored Probabilities"], expected["Scored Probabilities"], atol=1e-6
    )
    assert scored["grade"].tolist() == frame["grade"].tolist()


def test_chosen_score_columns_only(
    database: str, trained: TrainedLoans, make_table: MakeTable
) -> None:
    table = make_table(database, trained.rows.head(10))
    enrich_table(database, table, trained.model, "labels", score_columns=["Scored Labels"])
    assert list(read(database, "SELECT * FROM labels").columns)[-2:] == ["stores", "Scored Labels"]
    with pytest.raises(InvalidInputError, match="no score column 'Scored Nonsense'"):
        enrich_table(database, table, trained.model, "x", score_columns=["Scored Nonsense"])


def test_failing_batch_leaves_no_target_and_keeps_an_old_one(
    database: str, trained: TrainedLoans, make_table: MakeTable
) -> None:
    frame = trained.rows.astype({"income": object})
    frame.loc[250, "income"] = "plenty"  # in the fourth batch of 70
    table = make_table(database, frame)
    with pytest.raises(ColumnTypeError, match=r"'income'.*plenty") as caught:
        enrich_table(database, table, trained.model, "fresh", batch_size=70)
    assert caught.value.details["column"] == "income"
    assert "fresh" not in _tables(database)

    good = make_table(database, trained.rows.head(5))
    enrich_table(database, good, trained.model, "kept")
    before = read(database, "SELECT * FROM kept")
    with pytest.raises(ColumnTypeError):
        enrich_table(database, table, trained.model, "kept", batch_size=70)
    pd.testing.assert_frame_equal(read(database, "SELECT * FROM kept"), before)


def test_bad_tables_and_columns_are_named(
    database: str, trained: TrainedLoans, make_table: MakeTable
) -> None:
    table = make_table(database, trained.rows.drop(columns=["grade"]).head(5))
    with pytest.raises(ColumnNotFoundError, match="no column 'grade'"):
        enrich_table(database, table, trained.model, "out")
    with pytest.raises(ColumnNotFoundError, match="no column 'Grade'"):
        enrich_table(database, table, trained.model, "out", {"grade": "Grade"})
    with pytest.raises(NotFoundError, match="'nowhere' does not exist"):
        enrich_table(database, "nowhere", trained.model, "out")
    whole = make_table(database, trained.rows.head(5))
    with pytest.raises(InvalidInputError, match="is the table being scored"):
        enrich_table(database, whole, trained.model, whole)
    assert "out" not in _tables(database)
