"""The Synapse flow end to end: a table in DuckDB → an AutoML job over REST that registers
its best model → the model deployed as a real-time endpoint → the same rows scored with
``PREDICT`` inside DuckDB and inside PostgreSQL; every path answers the endpoint's scores."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pandas as pd
import pytest
import sqlalchemy as sa

import kumi.sql
from kumi.core.readers import database_url_of
from tests.api.test_automl_api import Studio
from tests.storage.conftest import postgres_server, postgres_url  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.slow, pytest.mark.postgres]

SCORES = ["Scored Labels", "Scored Probabilities"]
PREDICT = (
    "SELECT d.id, p.* FROM PREDICT(MODEL = 'loans', DATA = applicants AS d) "
    'WITH ("Scored Labels" VARCHAR, "Scored Probabilities" DOUBLE) AS p ORDER BY d.id'
)


def _applicants(rows: int = 240, seed: int = 5) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    income = rng.normal(50, 15, rows).round(1)
    grade = rng.choice(["A", "B", "C"], rows)
    opened = pd.Timestamp("2021-01-01") + pd.to_timedelta(rng.integers(0, 700, rows), unit="D")
    risk = income / 10 - (grade == "C") * 2 + rng.normal(0, 1, rows)
    frame = pd.DataFrame(
        {"id": np.arange(rows), "income": income, "grade": grade, "opened": opened}
    )
    frame.loc[::19, "income"] = np.nan
    frame["approved"] = np.where(risk > np.median(risk), "yes", "no")
    return frame


def _automl_job(studio: Studio) -> dict[str, Any]:
    body = {
        "dataset": "applicants",
        "target": "approved",
        "time_budget_s": 60,
        "max_trials": 3,
        "n_jobs": 1,
        "allowed_models": ["lightgbm", "elastic_net"],
        "validation": 0.25,
        "register_model": "loans",
    }
    answer = studio.http.post("/api/automl/jobs", json=body)
    assert answer.status_code == 202, answer.text
    job = answer.json()
    deadline = time.monotonic() + 180
    while job["status"] in ("queued", "running") and time.monotonic() < deadline:
        time.sleep(0.3)
        job = studio.client.automl.get(job["id"])
    assert job["status"] == "completed", job
    return job


def test_table_automl_registry_predict_in_duckdb_and_postgres_equal_the_endpoint(
    tmp_path: Path,
    postgres_url: str,  # noqa: F811
) -> None:
    database = str(tmp_path / "shop.duckdb")
    with duckdb.connect(database) as connection:
        connection.register("frame", _applicants())
        connection.execute("CREATE TABLE applicants AS SELECT * FROM frame").fetchall()
    table = kumi.sql.query("SELECT * FROM applicants ORDER BY id", database=database)

    studio = Studio(tmp_path)
    with studio.http:
        workspace = studio.workspace
        workspace.datasets.register("applicants", table.drop(columns=["id"]), label="approved")
        job = _automl_job(studio)
        assert job["registered_model"] == {"name": "loans", "version": 1}
        endpoint = studio.client.automl.deploy(job["id"], "loans-realtime")
        rows = table.drop(columns=["id", "approved"])
        records = rows.astype(object).where(rows.notna(), None)
        records["opened"] = rows["opened"].dt.strftime("%Y-%m-%dT%H:%M:%S")
        answered = pd.DataFrame(
            studio.client.endpoints.score(endpoint["name"], records.to_dict(orient="records"))
        )
        tracking_uri = workspace.tracking_uri

        in_duckdb = kumi.sql.query(PREDICT, database=database, workspace=workspace.path)
        engine = sa.create_engine(database_url_of(postgres_url))
        with engine.begin() as connection:
            table.drop(columns=["approved"]).to_sql("applicants", connection, index=False)
        engine.dispose()
        in_postgres = kumi.sql.query(PREDICT, database=postgres_url, workspace=workspace.path)

    assert tracking_uri.startswith("sqlite")
    for scored in (in_duckdb, in_postgres):
        assert list(scored["id"]) == list(table["id"])
        assert list(scored["Scored Labels"]) == list(answered["Scored Labels"])
        np.testing.assert_allclose(
            scored["Scored Probabilities"], answered["Scored Probabilities"], atol=1e-6
        )
    assert set(answered["Scored Labels"]) == {"yes", "no"}
