"""REST /api/scoring and the SDK's client.scoring over a studio app: a DuckDB file's tables
and preview, the workspace's models with signatures, the checked mapping, a scoring run
polled to completion with its SQL and preview, and bad input answered 4xx with the thing
named."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from fastapi.testclient import TestClient

import kumi.sql
from kumi.core.errors import ColumnTypeError, NotFoundError
from kumi.sdk import Client
from kumi.storage.workspace import Workspace
from tests.api.conftest import assert_error, studio_client
from tests.services.test_scoring_wizard import loans, quick_fit

STORED = "/api/scoring/stored-models"


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("scoring-db") / "shop.duckdb"
    rows = loans(rows=30, seed=9).drop(columns="approved")
    rows["code"] = "z"
    with duckdb.connect(str(path)) as connection:
        connection.register("rows_frame", rows)
        connection.execute("CREATE TABLE applicants AS SELECT * FROM rows_frame")
    return str(path)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    folder = tmp_path_factory.mktemp("scoring-studio")
    with Workspace.open(folder / "ws") as workspace:
        quick_fit(loans()).register("loans", workspace)
    with studio_client(folder) as test_client:
        yield test_client


def test_tables_preview_models_and_mapping(client: TestClient, database: str) -> None:
    tables = client.get("/api/scoring/tables", params={"database": database}).json()
    assert tables == {"tables": [{"name": "applicants", "type": "table"}]}
    shown = client.get(
        "/api/scoring/preview", params={"database": database, "table": "applicants", "rows": 3}
    )
    body = shown.json()
    assert body["columns"] == [
        {"name": "income", "type": "DOUBLE", "kind": "number"},
        {"name": "grade", "type": "VARCHAR", "kind": "text"},
        {"name": "code", "type": "VARCHAR", "kind": "text"},
    ]
    assert len(body["rows"]) == 3 and body["rows"][0]["code"] == "z"
    (model,) = client.get("/api/scoring/models").json()["models"]
    assert model["ref"] == "loans:1" and {"column": "income", "kind": "number"} in model["inputs"]
    mapping = client.post(
        "/api/scoring/mapping", json={"database": database, "table": "applicants", "model": "loans"}
    ).json()
    assert mapping["mapping"] == {"income": "income", "grade": "grade"} and mapping["runnable"]


def test_bad_input_is_answered_4xx_naming_it(
    client: TestClient, database: str, tmp_path: Path
) -> None:
    missing = client.get("/api/scoring/tables", params={"database": str(tmp_path / "no.duckdb")})
    assert "does not exist" in assert_error(missing, 404, "not_found")["message"]
    table = client.get("/api/scoring/preview", params={"database": database, "table": "nope"})
    assert "'nope'" in assert_error(table, 404, "not_found")["message"]
    down = client.get("/api/scoring/tables", params={"database": "postgresql://kumi@127.0.0.1:1/x"})
    assert "Cannot read PostgreSQL database" in assert_error(down, 400, "invalid_input")["message"]
    body = {"database": database, "table": "applicants", "model": "ghost"}
    assert (
        "'ghost'"
        in assert_error(client.post("/api/scoring/mapping", json=body), 404, "not_found")["message"]
    )
    job = {
        **body,
        "model": "loans",
        "target": "out",
        "mapping": {"income": "code", "grade": "grade"},
    }
    error = assert_error(client.post("/api/scoring/jobs", json=job), 400, "invalid_column_type")
    assert "column 'code' holds text" in error["message"]
    assert_error(client.get("/api/scoring/jobs/unknown"), 404, "not_found")
    with duckdb.connect(database) as connection:
        assert connection.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'out'"
        ).fetchone() == (0,)


def test_a_run_is_polled_to_its_scored_preview_and_sql(client: TestClient, database: str) -> None:
    body = {"database": database, "table": "applicants", "model": "loans:1", "target": "scored"}
    started = client.post("/api/scoring/jobs", json=body)
    assert started.status_code == 202, started.text
    job = started.json()
    for _ in range(400):
        job = client.get(f"/api/scoring/jobs/{job['id']}").json()
        if job["status"] in ("completed", "failed"):
            break
        time.sleep(0.05)
    assert job["status"] == "completed", job["error"]
    assert (job["rows_done"], job["rows_total"]) == (30, 30)
    assert job["preview"]["columns"][-2:] == ["Scored Labels", "Scored Probabilities"]
    assert job["preview"]["rows"][0]["Scored Labels"] in ("yes", "no")
    assert "loans:1" in job["sql"]


def test_the_sdk_mirrors_the_api(client: TestClient, database: str) -> None:
    sdk = Client(http=client)
    assert "applicants" in [t["name"] for t in sdk.scoring.tables(database)]
    assert list(sdk.scoring.preview(database, "applicants", rows=2).columns) == [
        "income",
        "grade",
        "code",
    ]
    assert sdk.scoring.models()[0]["name"] == "loans"
    assert sdk.scoring.mapping(database, "applicants", "loans")["runnable"] is True
    job = sdk.scoring.submit(
        database, "applicants", "loans", "by_sdk", score_columns=["Scored Labels"]
    )
    done = sdk.scoring.wait(job["id"], timeout=60, poll_s=0.05)
    assert done["status"] == "completed" and done["preview"]["columns"][-1] == "Scored Labels"
    with pytest.raises(NotFoundError):
        sdk.scoring.tables(database + ".missing")
    with pytest.raises(ColumnTypeError):
        sdk.scoring.submit(
            database, "applicants", "loans", "x", mapping={"income": "grade", "grade": "grade"}
        )


def test_a_model_copied_into_the_database_scores_there_without_the_workspace(
    client: TestClient, database: str, tmp_path: Path
) -> None:
    answer = client.post(
        "/api/scoring/stored-models", json={"database": database, "model": "loans"}
    )
    assert answer.status_code == 201, answer.text
    assert answer.json() == {
        "name": "loans",
        "version": 1,
        "database": database,
        "table": "kumi_models",
    }
    stored = Client(http=client).scoring.store_model(database, "loans:1")
    assert stored["version"] == 1
    with duckdb.connect(database) as connection:
        assert connection.execute("SELECT name, version FROM kumi_models").fetchall() == [
            ("loans", 1)
        ]
    empty = tmp_path / "empty-ws"  # no registry there: PREDICT finds the copy in the file
    scored = kumi.sql.query(
        "SELECT p.* FROM PREDICT(MODEL = 'loans:1', DATA = applicants AS d) AS p",
        database=database,
        workspace=empty,
    )
    assert len(scored) == 30 and "Scored Labels" in scored.columns
    missing = client.post(
        "/api/scoring/stored-models", json={"database": database, "model": "nope"}
    )
    assert_error(missing, 404, "not_found")
    nowhere = {"database": database + ".missing", "model": "loans"}
    assert_error(client.post(STORED, json=nowhere), 404, "not_found")
