"""Many models on real local Spark: ``applyInPandas`` trains each store in a Spark task; the
models are registered on the driver and score like the local pool's."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np
import pandas as pd
import pytest

from kumi.scoring.many_models import SCORED_MODEL, partition_models, score_many, train_many
from kumi.scoring.spark.session import spark_session
from kumi.storage.workspace import Workspace
from tests.scoring.many_models.conftest import (
    GOOD_STORES,
    ONE_CLASS_STORE,
    TINY_STORE,
    own_predictions,
)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    yield spark_session("local[2]")


def test_spark_trains_every_store_and_reports_the_failing_ones(
    spark: Any, sales: pd.DataFrame, workspace: Workspace
) -> None:
    frame = spark.createDataFrame(sales)
    result = train_many(
        frame, ["store"], "y", name="spark-sales", learner="elastic_net", workspace=workspace
    )
    assert result.engine == "spark"
    summary = result.summary.set_index("store")
    assert list(summary.index) == [str(s) for s in [*GOOD_STORES, ONE_CLASS_STORE, TINY_STORE]]
    assert list(summary["status"]) == ["completed"] * 4 + ["failed"] * 2
    assert summary.loc[str(TINY_STORE), "error"].startswith(f"Partition store={TINY_STORE}: ")
    assert list(summary["rows"]) == [60, 60, 60, 60, 20, 3]

    rows = sales[sales["store"].isin(GOOD_STORES)].drop(columns=["y"])
    scored = score_many(rows, "spark-sales", workspace=workspace)
    _, models = partition_models("spark-sales", workspace.tracking_uri)
    assert len(models) == 4
    for model in models:
        mine = scored[scored["store"].astype(str) == model.key["store"]]
        assert set(mine[SCORED_MODEL]) == {f"spark-sales-{model.key['store']}:1"}
        expected = own_predictions(model, mine[rows.columns], workspace.tracking_uri)
        assert list(mine["Scored Labels"]) == list(expected["Scored Labels"])
        np.testing.assert_allclose(
            mine["Scored Probabilities"], expected["Scored Probabilities"], atol=1e-6
        )


def test_a_pandas_table_trains_on_spark_when_asked(
    spark: Any, sales: pd.DataFrame, workspace: Workspace
) -> None:
    two = sales[sales["store"].isin([1, 2])]
    result = train_many(
        two, "store", "y", name="asked", learner="elastic_net", engine="spark", workspace=workspace
    )
    assert result.engine == "spark"
    assert list(result.summary["model"]) == ["asked-1", "asked-2"]
