"""Fixtures for PostgreSQL scoring: the storage suite's throwaway cluster (initdb + pg_ctl in
a temporary folder, unix socket only), one database per session holding a real AutoML model
in ``kumi_models`` with ``kumi_predict`` installed, and tables of loan rows to score."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest

from kumi.automl import fit
from kumi.automl.packaging import AutoMLScorer
from kumi.scoring.postgres import install_predict_function, store_model_postgres
from kumi.scoring.registered import RegisteredOnnx, load_registered_onnx
from kumi.storage import create_database_engine
from kumi.storage.workspace import Workspace
from tests.scoring.loans import loans
from tests.storage.conftest import PostgresServer, postgres_server, postgres_url

__all__ = ["postgres_server", "postgres_url"]


@dataclass(frozen=True)
class TrainedLoans:
    model: RegisteredOnnx
    scorer: AutoMLScorer
    rows: pd.DataFrame
    tracking_uri: str

    def expected(self, rows: pd.DataFrame | None = None) -> pd.DataFrame:
        return self.scorer.score_frame(self.rows if rows is None else rows)


@pytest.fixture(scope="session")
def trained(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TrainedLoans]:
    """A classifier fitted by AutoML, registered in a workspace and read back as ONNX (three
    quick trials; the generous budget only guards a busy machine)."""
    frame = loans()
    result = fit(
        frame,
        target="approved",
        task="classification",
        time_budget_s=60,
        n_jobs=1,
        seed=1,
        allowed_models=["elastic_net", "random_forest"],
        max_trials=3,
    )
    root = tmp_path_factory.mktemp("pg-scoring") / "ws"
    with Workspace.open(root) as workspace:
        result.register("loans", workspace)
        model = load_registered_onnx("loans", workspace.tracking_uri)
        rows = frame.drop(columns=["approved"])
        yield TrainedLoans(model, AutoMLScorer(result.best_model), rows, workspace.tracking_uri)


@pytest.fixture(scope="session")
def scoring_url(postgres_server: PostgresServer, trained: TrainedLoans) -> Iterator[str]:
    """A database with the model loaded and ``kumi_predict`` installed."""
    name = f"kumi_scoring_{uuid.uuid4().hex[:8]}"
    admin = create_database_engine(postgres_server.url("postgres"))
    with admin.connect() as connection:
        connection.execution_options(isolation_level="AUTOCOMMIT")
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    url = postgres_server.url(name)
    store_model_postgres(url, trained.model)
    install_predict_function(url)
    try:
        yield url
    finally:
        with admin.connect() as connection:
            connection.execution_options(isolation_level="AUTOCOMMIT")
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


@pytest.fixture
def make_table() -> Callable[[str, pd.DataFrame], str]:
    """Write a frame as a new table of a database; the table's name."""

    def make(url: str, frame: pd.DataFrame) -> str:
        table = f"t_{uuid.uuid4().hex[:10]}"
        engine = create_database_engine(url)
        try:
            frame.to_sql(table, engine, index=False)
        finally:
            engine.dispose()
        return table

    return make


def read(url: str, sql: str) -> pd.DataFrame:
    """The rows of a query."""
    engine = create_database_engine(url)
    try:
        with engine.connect() as connection:
            return pd.read_sql_query(sql, connection)
    finally:
        engine.dispose()


def sqlite_url(folder: Path) -> str:
    return f"sqlite:///{folder / 'data.db'}"
