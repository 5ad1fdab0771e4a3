"""Permutation Feature Importance ranks the informative feature first."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kumi.core import InvalidParameterError, Table


def data(seed: int, regression: bool = False) -> Table:
    rng = np.random.default_rng(seed)
    signal, noise = rng.normal(size=400), rng.normal(size=400)
    target = 3 * signal + rng.normal(scale=0.1, size=400)
    label = target if regression else (target > 0).astype(int)
    return Table.of(pd.DataFrame({"noise": noise, "signal": signal, "y": label}), label="y")


def trained(run, learner: str, table: Table):
    model = run(learner)["untrained_model"]
    return run("train_model", {"label_column": "y"}, untrained_model=model, dataset=table)[
        "trained_model"
    ]


def test_informative_feature_ranks_first_for_accuracy(run) -> None:
    model = trained(run, "two_class_logistic_regression", data(0))
    out = run("permutation_feature_importance", trained_model=model, test_data=data(1))
    frame = out["feature_importance"].frame
    assert list(frame.columns) == ["Feature", "Score"]
    assert list(frame["Feature"]) == ["signal", "noise"]
    assert frame["Score"][0] > 0.3
    assert abs(frame["Score"][1]) < 0.05


def test_error_metric_importance_is_the_increase_in_error(run) -> None:
    model = trained(run, "linear_regression", data(2, regression=True))
    params = {"metric_for_measuring_performance": "mean_absolute_error", "random_seed": 4}
    frame = run(
        "permutation_feature_importance", params, trained_model=model, test_data=data(3, True)
    )["feature_importance"].frame
    assert frame["Feature"][0] == "signal"
    assert frame["Score"][0] > 1.0


def test_metric_of_another_task_is_a_parameter_error(run) -> None:
    model = trained(run, "two_class_logistic_regression", data(0))
    params = {"metric_for_measuring_performance": "mean_absolute_error"}
    with pytest.raises(InvalidParameterError, match="accuracy"):
        run("permutation_feature_importance", params, trained_model=model, test_data=data(1))
