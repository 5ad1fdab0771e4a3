"""The scoring wizard's service on a real DuckDB file, a real PostgreSQL cluster and a real
registered AutoML model: tables, previews, models with signatures, the column mapping and
its type checks, and scoring runs (progress, SQL, preview; a failed run writes nothing)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pytest
import sqlalchemy as sa
from tests.storage.conftest import postgres_server, postgres_url  # noqa: F401 (fixtures)

from kumi.automl import AutoMLResult, fit
from kumi.core.errors import (
    ColumnNotFoundError,
    ColumnTypeError,
    InvalidInputError,
    NotFoundError,
)
from kumi.core.readers import database_url_of
from kumi.services.scoring_wizard import (
    ScoringJob,
    ScoringJobRequest,
    ScoringJobs,
    ScoringPlan,
    list_models,
    list_tables,
    load_model,
    mapping_checks,
    plan_scoring,
    preview,
    table_columns,
)
from kumi.services.scoring_wizard.request import MappingRequest
from kumi.storage.workspace import Workspace

SCORES = ["Scored Labels", "Scored Probabilities"]


def loans(rows: int = 160, seed: int = 5) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    income = rng.normal(50, 15, rows).round(2)
    grade = rng.choice(["A", "B", "C"], rows)
    risk = income / 10 - (grade == "C") * 2 + rng.normal(0, 1, rows)
    approved = np.where(risk > np.median(risk), "yes", "no")
    return pd.DataFrame({"income": income, "grade": grade, "approved": approved})


def quick_fit(frame: pd.DataFrame) -> AutoMLResult:
    """A small AutoML classifier of ``approved`` (two elastic-net trials)."""
    return fit(
        frame,
        target="approved",
        task="classification",
        time_budget_s=20,
        max_trials=2,
        n_jobs=1,
        seed=1,
        allowed_models=["elastic_net"],
        ensembling="none",
    )


@dataclass(frozen=True)
class Setup:
    tracking_uri: str
    database: str
    rows: pd.DataFrame


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Setup]:
    """A registered model 'loans' and a DuckDB file: table ``applicants`` (the features,
    an id, a text column 'note'), view ``big_earners`` and table ``applicants_text``
    whose income is text."""
    folder = tmp_path_factory.mktemp("scoring-wizard")
    frame = loans()
    result = quick_fit(frame)
    rows = frame.drop(columns="approved").head(40)
    rows.insert(0, "id", range(len(rows)))
    rows["note"] = "x"
    database = str(folder / "shop.duckdb")
    with duckdb.connect(database) as connection:
        connection.register("rows_frame", rows)
        connection.execute("CREATE TABLE applicants AS SELECT * FROM rows_frame")
        connection.execute("CREATE VIEW big_earners AS SELECT * FROM applicants WHERE income > 60")
        connection.execute(
            "CREATE TABLE applicants_text AS SELECT id, CAST(income AS VARCHAR) AS income, "
            "grade FROM applicants"
        )
    with Workspace.open(folder / "ws") as workspace:
        result.register("loans", workspace)
        yield Setup(workspace.tracking_uri, database, rows)


def request(setup: Setup, **fields: object) -> ScoringJobRequest:
    values: dict[str, object] = {
        "database": setup.database,
        "table": "applicants",
        "model": "loans",
        "target": "applicants_scored",
    }
    return ScoringJobRequest(**{**values, **fields})


def _queued(plan: ScoringPlan) -> ScoringJob:
    return ScoringJob("test", plan)


def read_table(database: str, table: str) -> pd.DataFrame:
    with duckdb.connect(database) as connection:
        return connection.execute(f'SELECT * FROM "{table}" ORDER BY id').fetchdf()


def test_tables_columns_and_preview_of_a_duckdb_file(setup: Setup) -> None:
    tables = {t["name"]: t["type"] for t in list_tables(setup.database)}
    assert tables["applicants"] == "table" and tables["big_earners"] == "view"
    kinds = {c.name: c.kind for c in table_columns(setup.database, "applicants")}
    assert kinds == {"id": "number", "income": "number", "grade": "text", "note": "text"}
    first = preview(setup.database, "applicants", rows=5)
    assert list(first["id"]) == [0, 1, 2, 3, 4]
    assert first["income"].tolist() == setup.rows["income"].head(5).tolist()


def test_a_missing_file_or_table_is_named(setup: Setup, tmp_path: Path) -> None:
    with pytest.raises(NotFoundError, match="does not exist"):
        list_tables(str(tmp_path / "nowhere.duckdb"))
    assert not (tmp_path / "nowhere.duckdb").exists()
    with pytest.raises(NotFoundError, match="'customers' is not in") as caught:
        preview(setup.database, "customers")
    assert "applicants" in caught.value.details["tables"]


def test_models_come_with_their_signature(setup: Setup) -> None:
    (model,) = list_models(setup.tracking_uri)
    assert (model["name"], model["version"], model["versions"]) == ("loans", 1, [1])
    assert {i["column"]: i["kind"] for i in model["inputs"]} == {
        "income": "number",
        "grade": "text",
    }
    assert model["outputs"] == [
        {"column": "Scored Labels", "type": "text"},
        {"column": "Scored Probabilities", "type": "double"},
    ]
    with pytest.raises(NotFoundError, match="No registered model is named 'nope'"):
        load_model("nope", setup.tracking_uri)
    with pytest.raises(NotFoundError, match="has no version 7"):
        load_model("loans:7", setup.tracking_uri)


def test_the_mapping_is_matched_by_name_and_type_checked(setup: Setup) -> None:
    auto = MappingRequest(database=setup.database, table="applicants", model="loans")
    checks = {c.model_input: c for c in mapping_checks(auto, setup.tracking_uri)}
    assert {i: c.column for i, c in checks.items()} == {"income": "income", "grade": "grade"}
    assert {c.status for c in checks.values()} == {"ok"}

    text_income = auto.model_copy(update={"table": "applicants_text"})
    flagged = {c.model_input: c for c in mapping_checks(text_income, setup.tracking_uri)}
    assert flagged["income"].status == "mismatch"
    assert "takes numbers, but column 'income' holds text" in flagged["income"].note

    numbers_as_text = auto.model_copy(update={"mapping": {"income": "income", "grade": "id"}})
    converted = {c.model_input: c for c in mapping_checks(numbers_as_text, setup.tracking_uri)}
    assert converted["grade"].status == "converted"

    unknown = auto.model_copy(update={"mapping": {"income": "salary", "grade": "grade"}})
    with pytest.raises(ColumnNotFoundError, match="'salary'"):
        mapping_checks(unknown, setup.tracking_uri)


def test_a_mapping_that_cannot_run_is_refused_before_running(setup: Setup) -> None:
    with pytest.raises(ColumnTypeError, match="column 'note' holds text") as caught:
        plan_scoring(
            request(setup, mapping={"income": "note", "grade": "grade"}), setup.tracking_uri
        )
    assert caught.value.details["problems"][0]["input"] == "income"
    with pytest.raises(ColumnTypeError, match="'grade' has no column"):
        plan_scoring(request(setup, mapping={"income": "income"}), setup.tracking_uri)
    with pytest.raises(InvalidInputError, match="not a plain name"):
        plan_scoring(request(setup, target="scored; DROP TABLE x"), setup.tracking_uri)
    with pytest.raises(InvalidInputError, match="cannot be the scored table"):
        plan_scoring(request(setup, target="applicants"), setup.tracking_uri)
    with pytest.raises(InvalidInputError, match="'Scored Margin' is not one"):
        plan_scoring(request(setup, score_columns=["Scored Margin"]), setup.tracking_uri)


def test_a_run_writes_the_scored_table_with_progress_sql_and_preview(setup: Setup) -> None:
    plan = plan_scoring(request(setup, score_columns=["Scored Probabilities"]), setup.tracking_uri)
    job = ScoringJobs().run(_queued(plan))
    assert job.status == "completed", job.error
    rows = len(setup.rows)
    assert (job.rows_done, job.rows_total, job.rows_written) == (rows, rows, rows)
    written = read_table(setup.database, "applicants_scored")
    assert list(written.columns) == ["id", "income", "grade", "note", "Scored Probabilities"]
    expected = plan.model.runner().score({c: setup.rows[c].to_numpy() for c in ("income", "grade")})
    np.testing.assert_allclose(written["Scored Probabilities"], expected["Scored Probabilities"])
    assert "loans:1" in (job.sql or "") and "applicants" in (job.sql or "")
    assert job.preview is not None and job.preview["columns"][-1] == "Scored Probabilities"
    assert len(job.preview["rows"]) == 20


def test_a_background_run_is_polled_until_it_completes(setup: Setup) -> None:
    jobs = ScoringJobs()
    job = jobs.start(plan_scoring(request(setup, target="polled"), setup.tracking_uri))
    for _ in range(200):
        if jobs.get(job.id).status in ("completed", "failed"):
            break
        time.sleep(0.05)
    assert jobs.get(job.id).to_dict()["status"] == "completed"
    assert set(SCORES) <= set(read_table(setup.database, "polled").columns)
    with pytest.raises(NotFoundError, match="No scoring run 'gone'"):
        jobs.get("gone")


def test_a_failed_run_reports_its_error_and_writes_nothing(setup: Setup) -> None:
    with duckdb.connect(setup.database) as connection:
        connection.execute("CREATE TABLE doomed AS SELECT * FROM applicants")
        connection.execute("CREATE OR REPLACE TABLE kept_scores AS SELECT 1 AS id")
    plan = plan_scoring(request(setup, table="doomed", target="kept_scores"), setup.tracking_uri)
    with duckdb.connect(setup.database) as connection:
        connection.execute("DROP TABLE doomed")
    job = _queued(plan)
    ScoringJobs().run(job)
    assert job.status == "failed" and "doomed" in (job.error or "")
    assert read_table(setup.database, "kept_scores")["id"].tolist() == [1]


@pytest.mark.postgres
def test_postgres_tables_preview_and_mapping(setup: Setup, postgres_url: str) -> None:  # noqa: F811
    engine = sa.create_engine(database_url_of(postgres_url))
    with engine.begin() as connection:
        setup.rows.to_sql("applicants", connection, index=False)
    engine.dispose()
    assert {"name": "applicants", "type": "table"} in list_tables(postgres_url)
    kinds = {c.name: c.kind for c in table_columns(postgres_url, "applicants")}
    assert kinds == {"id": "number", "income": "number", "grade": "text", "note": "text"}
    assert (
        preview(postgres_url, "applicants", 3)["grade"].tolist() == setup.rows["grade"][:3].tolist()
    )
    auto = MappingRequest(database=postgres_url, table="applicants", model="loans")
    assert {c.status for c in mapping_checks(auto, setup.tracking_uri)} == {"ok"}
    unreachable = database_url_of(postgres_url).set(database="no_such_database")
    unreachable_url = unreachable.render_as_string(hide_password=False)
    with pytest.raises(InvalidInputError, match="Cannot read PostgreSQL database"):
        list_tables(unreachable_url)
    assert {"name": "applicants", "type": "table"} in list_tables(postgres_url)

    plan = plan_scoring(request(setup, database=postgres_url), setup.tracking_uri)
    job = ScoringJobs().run(_queued(plan))
    assert job.status == "completed", job.error
    assert job.rows_written == len(setup.rows)
    written = preview(postgres_url, "applicants_scored", len(setup.rows))
    expected = plan.model.runner().score({c: setup.rows[c].to_numpy() for c in ("income", "grade")})
    np.testing.assert_allclose(written["Scored Probabilities"], expected["Scored Probabilities"])
    assert list(written["Scored Labels"]) == list(expected["Scored Labels"])
    assert "kumi_predict('loans:1'" in (job.sql or "")

    view = plan_scoring(
        request(
            setup,
            database=postgres_url,
            target="applicants_live",
            output="view",
            score_columns=["Scored Probabilities"],
        ),
        setup.tracking_uri,
    )
    live = ScoringJobs().run(_queued(view))
    assert live.status == "completed", live.error
    assert live.rows_written == len(setup.rows)
    shown = preview(postgres_url, "applicants_live", len(setup.rows))
    assert list(shown.columns) == [*setup.rows.columns, "Scored Probabilities"]
    np.testing.assert_allclose(shown["Scored Probabilities"], expected["Scored Probabilities"])
    engine = sa.create_engine(database_url_of(postgres_url))
    with engine.begin() as connection:  # the view scores rows added later too
        setup.rows.head(3).to_sql("applicants", connection, index=False, if_exists="append")
    engine.dispose()
    assert len(preview(postgres_url, "applicants_live", 10_000)) == len(setup.rows) + 3


def test_a_view_is_refused_on_duckdb(setup: Setup) -> None:
    with pytest.raises(InvalidInputError, match="A DuckDB view cannot score rows"):
        plan_scoring(request(setup, output="view"), setup.tracking_uri)
