"""Real registered models for the SQL tests: an AutoML binary classifier (numbers, text and
dates) and a multiclass endpoint chain (penguins species), each in a temporary workspace,
plus a DuckDB file holding their tables."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pytest

from kumi.automl import fit
from kumi.automl.packaging import AutoMLScorer
from kumi.storage.workspace import Workspace
from kumi.tracking.onnx import OnnxScorer, compile_chain
from kumi.tracking.scoring_model import register_model, save_scoring_model
from tests.tracking.conftest import chain_of, fitted_model, python_scores

__all__ = ["RegisteredCase", "binary", "multiclass"]


@dataclass
class RegisteredCase:
    """A registered model, its rows and the scores the Python model gives them."""

    name: str
    workspace: Path
    rows: pd.DataFrame
    expected: pd.DataFrame


def loans(rows: int = 300, seed: int = 5) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    income = rng.normal(50, 15, rows)
    grade = rng.choice(["A", "B", "C"], rows)
    opened = pd.Timestamp("2021-01-01") + pd.to_timedelta(rng.integers(0, 700, rows), unit="D")
    risk = income / 10 - (grade == "C") * 2 + rng.normal(0, 1, rows)
    frame = pd.DataFrame({"income": income, "grade": grade, "opened": opened})
    frame.loc[::13, "income"] = np.nan
    frame.loc[::17, "grade"] = None
    frame["approved"] = np.where(risk > np.median(risk), "yes", "no")
    return frame


@pytest.fixture(scope="session")
def binary(tmp_path_factory: pytest.TempPathFactory) -> RegisteredCase:
    """AutoML on loans, registered as 'loans' version 1."""
    frame = loans()
    result = fit(
        frame,
        target="approved",
        task="classification",
        time_budget_s=30,
        max_trials=3,
        validation=0.25,
        allowed_models=["lightgbm", "elastic_net"],
        n_jobs=1,
        seed=1,
    )
    workspace = tmp_path_factory.mktemp("sql-binary") / "ws"
    with Workspace.open(workspace) as opened:
        assert result.register("loans", opened) == 1
    rows = frame.drop(columns=["approved"])
    expected = AutoMLScorer(result.best_model).score_frame(rows)
    return RegisteredCase("loans", workspace, rows, expected)


@pytest.fixture(scope="session")
def multiclass(
    tmp_path_factory: pytest.TempPathFactory, penguins: pd.DataFrame, fitted_steps: list
) -> RegisteredCase:
    """A multiclass decision forest chain on penguins, registered as 'species' version 1."""
    model = fitted_model(penguins, fitted_steps, "multiclass_decision_forest", "species")
    rows = penguins.drop(columns=["species"])
    compiled = compile_chain(chain_of(rows, fitted_steps, model))
    folder = tmp_path_factory.mktemp("sql-multiclass")
    path = save_scoring_model(folder / "model", OnnxScorer(compiled), rows, compiled.model)
    with Workspace.open(folder / "ws") as opened:
        register_model(opened.tracking_uri, "species", path)
    return RegisteredCase("species", folder / "ws", rows, python_scores(rows, fitted_steps, model))


def database_with(path: Path, **tables: pd.DataFrame) -> Path:
    """A DuckDB file holding ``tables``."""
    with duckdb.connect(str(path)) as connection:
        for name, frame in tables.items():
            connection.register("frame", frame)
            connection.execute(
                f'CREATE OR REPLACE TABLE "{name}" AS SELECT * FROM frame'
            ).fetchall()
            connection.unregister("frame")
    return path
