"""A sales table of six stores: four trainable ones whose label depends on ``x`` in opposite
directions (so a row scored by another store's model is mostly wrong), one store with a single
class and one with too few rows."""

from __future__ import annotations

from pathlib import Path

import mlflow.pyfunc
import numpy as np
import pandas as pd
import pytest

from kumi.scoring.many_models import PartitionModel
from kumi.storage.workspace import Workspace
from kumi.tracking.client import tracking_client

GOOD_STORES = [1, 2, 3, 4]
ONE_CLASS_STORE = 5
TINY_STORE = 6


def sales_table(seed: int = 7, rows: int = 60) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    frames = []
    for store in GOOD_STORES:
        x = rng.normal(size=rows)
        sign = 1 if store % 2 else -1
        label = np.where(sign * x + rng.normal(scale=0.2, size=rows) > 0, "up", "down")
        frames.append(
            pd.DataFrame({"store": store, "x": x, "size": rng.choice(["s", "l"], rows), "y": label})
        )
    frames.append(
        pd.DataFrame({"store": ONE_CLASS_STORE, "x": rng.normal(size=20), "size": "s", "y": "up"})
    )
    frames.append(pd.DataFrame({"store": TINY_STORE, "x": [0.1, 0.2, 0.3], "size": "l", "y": "up"}))
    return pd.concat(frames, ignore_index=True)


@pytest.fixture
def sales() -> pd.DataFrame:
    return sales_table()


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    with Workspace.open(tmp_path / "ws") as opened:
        yield opened


def own_predictions(model: PartitionModel, rows: pd.DataFrame, tracking_uri: str) -> pd.DataFrame:
    """What the partition's registered model itself (its MLflow pyfunc) answers for ``rows``."""
    source = tracking_client(tracking_uri).get_model_version(model.name, str(model.version)).source
    return mlflow.pyfunc.load_model(source).predict(rows.reset_index(drop=True))
