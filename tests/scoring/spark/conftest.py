"""One local Spark session (local[2]) for every Spark test, and a registered AutoML model."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

from kumi.automl import AutoMLResult, fit
from kumi.scoring.registered import RegisteredOnnx, load_registered_onnx
from kumi.scoring.spark.session import spark_session
from kumi.storage.workspace import Workspace

pyspark = pytest.importorskip("pyspark")


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    session = spark_session("local[2]", app_name="kumi-tests")
    session.conf.set("spark.sql.session.timeZone", "UTC")
    yield session
    session.stop()


def loans(rows: int = 300, seed: int = 3) -> pd.DataFrame:
    """Numbers with gaps, text with gaps, a boolean, a date and a yes/no target."""
    rng = np.random.default_rng(seed)
    income = rng.normal(50, 15, rows)
    grade = rng.choice(["A", "B", "C"], rows)
    opened = pd.Timestamp("2020-01-01") + pd.to_timedelta(rng.integers(0, 900, rows), unit="D")
    owner = rng.random(rows) < 0.4
    risk = income / 10 - (grade == "C") * 2 + owner + rng.normal(0, 1, rows)
    frame = pd.DataFrame(
        {
            "income": income,
            "grade": grade,
            "opened": opened,
            "owner": owner,
            "stores": rng.integers(0, 4, rows),
        }
    )
    frame.loc[::17, "income"] = np.nan
    frame.loc[::23, "grade"] = None
    frame["approved"] = np.where(risk > np.median(risk), "yes", "no")
    return frame


@dataclass(frozen=True)
class Registered:
    """A fitted AutoML result, its registered ONNX form and the workspace holding it."""

    result: AutoMLResult
    model: RegisteredOnnx
    workspace_path: Path
    frame: pd.DataFrame


@pytest.fixture(scope="session")
def registered(tmp_path_factory: pytest.TempPathFactory) -> Registered:
    frame = loans()
    result = fit(
        frame, target="approved", task="classification", time_budget_s=10, n_jobs=1, seed=1
    )
    path = tmp_path_factory.mktemp("spark-models") / "ws"
    with Workspace.open(path) as workspace:
        result.register("loans", workspace)
        model = load_registered_onnx("loans", workspace.tracking_uri)
    return Registered(result, model, path, frame)
