"""One trial in process: out-of-fold alignment, holdout and user plans, pruning, models saved."""

from __future__ import annotations

import cloudpickle
import numpy as np
import pytest

from kumi.automl import Fold, ValidationPlan, get_metric
from kumi.automl.families import families
from kumi.automl.search import SearchData, TrialSpec, evaluate, predictions
from tests.automl._search_data import search_data


def _spec(name: str, data: SearchData, number: int = 0, prune_above=()) -> TrialSpec:
    family = families()[name]
    params = family.portfolio(data.task, data.n_rows, 30)[0]
    return TrialSpec(number, name, params, family.encoding, 0, 1, 0.0, tuple(prune_above))


@pytest.mark.parametrize("name", ["lightgbm", "elastic_net"])
def test_kfold_predictions_are_out_of_fold_in_row_order(name, tmp_path):
    data = search_data("binary", validation=3)
    result = evaluate(_spec(name, data, 7), families()[name], data, tmp_path)
    assert result.status == "completed"
    assert result.predictions.shape == (data.n_rows, 2)
    assert result.metric_value == pytest.approx(data.metric(data.y, result.predictions))
    assert result.loss == -result.metric_value and result.metric_value > 0.95
    assert len(result.fold_values) == 3
    models = cloudpickle.loads(result.model_path.read_bytes())
    assert result.model_path == tmp_path / "trial-7.pkl" and len(models) == 3
    encoded = data.X[families()[name].encoding]
    for fold, model in zip(data.plan.folds, models, strict=True):
        np.testing.assert_allclose(
            predictions(model, encoded[fold.valid], 2), result.predictions[fold.valid]
        )


def test_holdout_predictions_cover_the_validation_rows(tmp_path):
    data = search_data("regression", validation=0.25)
    result = evaluate(_spec("random_forest", data), families()["random_forest"], data, tmp_path)
    valid = data.plan.folds[0].valid
    assert result.predictions.shape == (len(valid),)
    assert result.metric_value == pytest.approx(data.metric(data.y[valid], result.predictions))
    assert result.fit_s > 0 and result.predict_s > 0


def test_user_validation_table_is_scored(tmp_path):
    full = search_data("binary", validation=3)
    train, valid = np.arange(400), np.arange(400, full.n_rows)
    plan = ValidationPlan("user", (Fold(train, np.arange(len(valid))),), False, "user table")
    data = SearchData(
        {e: m[train] for e, m in full.X.items()}, full.y[train], plan,
        get_metric("accuracy", "classification"), 2,
        X_valid={e: m[valid] for e, m in full.X.items()}, y_valid=full.y[valid],
    )  # fmt: skip
    result = evaluate(_spec("xgboost", data), families()["xgboost"], data, tmp_path)
    assert result.predictions.shape == (len(valid), 2)
    assert result.metric_value == pytest.approx(
        (result.predictions.argmax(axis=1) == full.y[valid]).mean()
    )


def test_a_trial_worse_than_the_threshold_after_the_first_fold_is_pruned(tmp_path):
    data = search_data("binary", validation=3)
    spec = _spec("knn", data, prune_above=(-0.999999,))
    result = evaluate(spec, families()["knn"], data, tmp_path)
    assert result.status == "pruned" and len(result.fold_values) == 1
    assert result.predictions is None and not (tmp_path / "trial-0.pkl").exists()
    kept = evaluate(_spec("knn", data, 1, prune_above=(0.0,)), families()["knn"], data, tmp_path)
    assert kept.status == "completed"
