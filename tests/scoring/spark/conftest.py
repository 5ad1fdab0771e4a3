"""One local Spark session (local[2]) for every Spark test, and a registered AutoML model."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from kumi.automl import AutoMLResult, fit
from kumi.scoring.registered import RegisteredOnnx, load_registered_onnx
from kumi.scoring.spark.session import spark_session
from kumi.storage.workspace import Workspace
from tests.scoring.loans import loans

pyspark = pytest.importorskip("pyspark")


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    session = spark_session("local[2]", app_name="kumi-tests")
    session.conf.set("spark.sql.session.timeZone", "UTC")
    yield session
    session.stop()


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
