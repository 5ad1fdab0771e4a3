"""Many models on the local process pool: one registered model per store, failures isolated
and named, rows routed to their store's model."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from kumi.core.errors import InvalidParameterError, NotFoundError
from kumi.scoring.many_models import (
    SCORED_MODEL,
    load_summary,
    partition_models,
    score_many,
    train_many,
)
from kumi.scoring.many_models.settings import training_spec
from kumi.scoring.many_models.train_one import train_partition
from kumi.storage.workspace import Workspace
from kumi.tracking.client import tracking_client
from tests.scoring.many_models.conftest import (
    GOOD_STORES,
    ONE_CLASS_STORE,
    TINY_STORE,
    own_predictions,
)


def test_each_store_gets_its_model_and_failures_stay_in_their_store(
    sales: pd.DataFrame, workspace: Workspace
) -> None:
    heard: list[dict[str, object]] = []
    result = train_many(
        sales,
        partition_by="store",
        target="y",
        name="sales",
        learner="elastic_net",
        n_jobs=2,
        workspace=workspace,
        on_partition=heard.append,
    )
    summary = result.summary.set_index("store")
    assert list(summary.index) == [str(s) for s in [*GOOD_STORES, ONE_CLASS_STORE, TINY_STORE]]
    assert (result.completed, result.failed, result.engine) == (4, 2, "local")
    good = summary.loc[[str(s) for s in GOOD_STORES]]
    assert set(good["status"]) == {"completed"} and good["error"].isna().all()
    assert list(good["model"]) == [f"sales-{s}" for s in GOOD_STORES]
    assert list(good["version"]) == [1, 1, 1, 1]
    assert set(good["metric"]) == {"auc"} and (good["metric_value"] > 0.8).all()
    assert list(good["rows"]) == [60] * 4
    one_class = summary.loc[str(ONE_CLASS_STORE)]
    assert one_class["status"] == "failed" and pd.isna(one_class["model"])
    assert one_class["error"].startswith(f"Partition store={ONE_CLASS_STORE}: 'y' has one class")
    tiny = summary.loc[str(TINY_STORE)]
    assert tiny["status"] == "failed" and "fewer than min_rows=10" in tiny["error"]
    assert sorted(h["partition"] for h in heard) == sorted(summary["partition"])

    client = tracking_client(workspace.tracking_uri)
    tags = client.get_registered_model("sales-3").tags
    assert tags["kumi.many_models.name"] == "sales"
    assert tags["kumi.partition.store"] == "3"
    assert json.loads(tags["kumi.many_models.partition"]) == {"store": "3"}
    columns, models = partition_models("sales", workspace.tracking_uri)
    assert columns == ["store"] and sorted(m.name for m in models) == [
        f"sales-{s}" for s in GOOD_STORES
    ]

    saved = load_summary("sales", workspace)
    assert list(saved["status"]) == list(result.summary["status"])
    assert list(saved["version"]) == list(result.summary["version"])
    assert saved.attrs["partition_by"] == ["store"]


def test_rows_are_scored_by_their_own_store_model(
    sales: pd.DataFrame, workspace: Workspace
) -> None:
    trainable = sales[sales["store"].isin(GOOD_STORES)]
    train_many(
        trainable, "store", "y", name="shop", learner="elastic_net", n_jobs=1, workspace=workspace
    )
    rows = trainable.drop(columns=["y"]).sample(frac=1.0, random_state=3)  # stores interleaved
    scored = score_many(rows, "shop", workspace=workspace)
    assert list(scored.index) == list(rows.index)
    assert list(scored.columns) == [
        *rows.columns,
        "Scored Labels",
        "Scored Probabilities",
        SCORED_MODEL,
    ]
    _, models = partition_models("shop", workspace.tracking_uri)
    for model in models:
        mine = scored[scored["store"].astype(str) == model.key["store"]]
        assert set(mine[SCORED_MODEL]) == {model.ref}
        expected = own_predictions(model, mine[rows.columns], workspace.tracking_uri)
        assert list(mine["Scored Labels"]) == list(expected["Scored Labels"])
        np.testing.assert_allclose(
            mine["Scored Probabilities"], expected["Scored Probabilities"], atol=1e-6
        )
    # opposite stores learn opposite rules: only routing gets most labels right
    right = scored["Scored Labels"] == trainable.loc[scored.index, "y"]
    assert right.mean() > 0.85


def test_unknown_partitions_are_named_or_kept_empty(
    sales: pd.DataFrame, workspace: Workspace
) -> None:
    train_many(
        sales[sales["store"] == 1],
        "store",
        "y",
        name="one",
        learner="elastic_net",
        workspace=workspace,
    )
    rows = sales[sales["store"].isin([1, 2])].drop(columns=["y"])
    with pytest.raises(NotFoundError, match=r"1 partition\(s\) .* set 'one': store=2\."):
        score_many(rows, "one", workspace=workspace)
    kept = score_many(rows, "one", workspace=workspace, unknown="keep")
    assert kept.loc[rows["store"] == 2, SCORED_MODEL].isna().all()
    assert kept.loc[rows["store"] == 2, "Scored Labels"].isna().all()
    assert set(kept.loc[rows["store"] == 1, SCORED_MODEL]) == {"one-1:1"}
    again = train_many(
        sales[sales["store"] == 1], "store", "y", name="one", learner="knn", workspace=workspace
    )
    assert list(again.summary["version"]) == [2]
    newest = score_many(rows[rows["store"] == 1], "one", workspace=workspace)
    assert set(newest[SCORED_MODEL]) == {"one-1:2"}
    with pytest.raises(NotFoundError, match="No many-models set is named 'nothing'"):
        score_many(rows, "nothing", workspace=workspace)


def test_an_error_inside_training_fails_only_that_partition(sales: pd.DataFrame) -> None:
    spec = training_spec("y", "classification", {"time_budget_s": 0.01}, None, 10)
    rows = sales[sales["store"] == 2]
    outcome = train_partition({"store": "2"}, rows, spec)
    assert outcome.status == "failed" and outcome.archive is None
    assert outcome.error is not None and outcome.error.startswith("Partition store=2: ")
    assert "time budget" in outcome.error


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"partition_by": "shop"}, r"Partition column\(s\) shop are not in the table"),
        ({"target": "store"}, "Target 'store' must be a column"),
        ({"learner": "tree"}, "Unknown learner 'tree'"),
        ({"automl": {"budget": 3}}, r"Unknown AutoML setting\(s\) budget"),
        ({"automl": {}, "learner": "knn"}, "not both"),
        ({"engine": "dask"}, "Unknown engine 'dask'"),
        ({"name": "my sales"}, "'my sales' cannot name a set of models"),
        ({"min_rows": 1}, "min_rows=1"),
    ],
)
def test_bad_arguments_are_refused_before_training(
    sales: pd.DataFrame, tmp_path: object, arguments: dict[str, object], message: str
) -> None:
    call: dict[str, object] = {
        "partition_by": "store",
        "target": "y",
        "name": "sales",
        "learner": "elastic_net",
        "workspace": tmp_path,
    }
    if "automl" in arguments and "learner" not in arguments:
        call.pop("learner")
    call.update(arguments)
    with pytest.raises(InvalidParameterError, match=message):
        train_many(sales, **call)  # type: ignore[arg-type]
