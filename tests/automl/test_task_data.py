"""Task data, validation plans, metrics and settings of AutoML: checks on the user's table."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kumi.automl import AutoMLSettings, get_metric, make_plan, prepare
from kumi.core.errors import ColumnNotFoundError, InvalidInputError, InvalidParameterError


def _table(rows: int = 40) -> pd.DataFrame:
    rng = np.random.default_rng(0)
    return pd.DataFrame(
        {
            "x": rng.normal(size=rows),
            "colour": rng.choice(["red", "blue"], rows),
            "label": rng.choice(["yes", "no", "maybe"], rows),
        }
    )


def test_classes_are_sorted_and_encoded_as_indices() -> None:
    data = prepare(_table(), "label", "classification")
    assert list(data.classes) == ["maybe", "no", "yes"]
    assert data.n_classes == 3
    assert list(data.classes[data.y]) == list(_table()["label"])
    assert "label" not in data.features.columns


def test_missing_target_column_is_named() -> None:
    with pytest.raises(ColumnNotFoundError, match="'price'"):
        prepare(_table(), "price", "regression")


def test_one_class_only_is_refused() -> None:
    table = _table().assign(label="yes")
    with pytest.raises(InvalidInputError, match="one class only"):
        prepare(table, "label", "classification")


def test_constant_regression_target_is_refused() -> None:
    with pytest.raises(InvalidInputError, match="one value only"):
        prepare(_table().assign(y=3.0), "y", "regression")


def test_rows_without_a_usable_target_are_dropped_and_counted() -> None:
    table = _table().assign(y=np.arange(40, dtype=float))
    table.loc[[1, 5], "y"] = np.nan
    table.loc[7, "y"] = np.inf
    data = prepare(table, "y", "regression")
    assert data.n_rows == 37
    assert data.dropped_rows == 3
    assert np.isfinite(data.y).all()


def test_text_target_for_regression_says_what_to_do() -> None:
    with pytest.raises(InvalidInputError, match="classification task"):
        prepare(_table(), "label", "regression")


def test_validation_table_with_an_unknown_class_is_refused() -> None:
    training = prepare(_table(), "label", "classification")
    other = _table().assign(label="never seen")
    with pytest.raises(InvalidInputError, match="never seen"):
        prepare(other, "label", "classification", classes=training.classes)


def test_auto_plan_is_kfold_for_small_tables_and_holdout_for_large() -> None:
    small = prepare(_table(100), "label", "classification")
    plan = make_plan(small, "auto", seed=0)
    assert plan.kind == "kfold" and len(plan.folds) == 5 and plan.stratified
    covered = np.sort(np.concatenate([f.valid for f in plan.folds]))
    assert (covered == np.arange(100)).all()
    large = prepare(_table(25_000), "label", "classification")
    holdout = make_plan(large, "auto", seed=0)
    assert holdout.kind == "holdout" and len(holdout.folds[0].valid) == 2_500


def test_plans_follow_the_seed() -> None:
    data = prepare(_table(60), "label", "classification")
    first = make_plan(data, 3, seed=1)
    again = make_plan(data, 3, seed=1)
    other = make_plan(data, 3, seed=2)
    assert all((a.valid == b.valid).all() for a, b in zip(first.folds, again.folds, strict=True))
    assert any((a.valid != b.valid).any() for a, b in zip(first.folds, other.folds, strict=True))


def test_a_rare_class_turns_stratification_off() -> None:
    table = _table(30)
    table.loc[0, "label"] = "single"
    plan = make_plan(prepare(table, "label", "classification"), 5, seed=0)
    assert not plan.stratified


def test_user_validation_plan_scores_the_whole_user_table() -> None:
    data = prepare(_table(50), "label", "classification")
    plan = make_plan(data, "auto", seed=0, user_rows=12)
    assert plan.kind == "user" and len(plan.folds[0].train) == 50
    assert len(plan.folds[0].valid) == 12


def test_metrics_direction_and_values() -> None:
    y = np.array([0, 1, 1, 0])
    probabilities = np.array([[0.9, 0.1], [0.2, 0.8], [0.4, 0.6], [0.3, 0.7]])
    auc = get_metric("auc", "classification")
    assert auc(y, probabilities) == pytest.approx(0.75)
    assert auc.loss(0.75) == -0.75
    log_loss = get_metric("log_loss", "classification")
    assert log_loss.loss(0.3) == 0.3
    assert get_metric("accuracy", "classification")(y, probabilities) == pytest.approx(0.75)
    rmse = get_metric("rmse", "regression")
    assert rmse(np.array([1.0, 3.0]), np.array([2.0, 2.0])) == pytest.approx(1.0)


def test_default_metrics_per_task() -> None:
    assert get_metric(None, "classification", 2).name == "auc"
    assert get_metric(None, "classification", 5).name == "log_loss"
    assert get_metric(None, "regression").name == "r2"


def test_unknown_metric_lists_the_choices() -> None:
    with pytest.raises(InvalidParameterError, match="r2, rmse, mae"):
        get_metric("auc", "regression")


def test_settings_errors_name_each_bad_value() -> None:
    with pytest.raises(InvalidParameterError) as caught:
        AutoMLSettings.of(target="y", time_budget_s=0, validation=1, task="clustering")
    problems = " ".join(caught.value.details["problems"])
    for name in ("time_budget_s", "validation", "task"):
        assert name in problems
