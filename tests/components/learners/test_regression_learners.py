"""Regression learners fit real data and beat predicting the mean."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import r2_score

from kumi.core import SCORED_LABELS, ColumnTypeError, InvalidInputError, Table

REGRESSORS = [
    ("linear_regression", {}),
    ("linear_regression", {"solution_method": "online_gradient_descent"}),
    ("boosted_decision_tree_regression", {}),
    ("decision_forest_regression", {}),
    ("decision_forest_regression", {"resampling_method": "replicate"}),
    ("neural_network_regression", {}),
    ("poisson_regression", {}),
]


@pytest.mark.parametrize(("learner", "params"), REGRESSORS)
def test_regressor_beats_the_mean(learner, params, diabetes, train_and_score) -> None:
    train, test = diabetes
    scored = train_and_score(learner, train, test, params).frame
    assert scored.columns[-1] == SCORED_LABELS
    assert scored[SCORED_LABELS].dtype == "float64"
    assert r2_score(scored["target"], scored[SCORED_LABELS]) > 0.25


def test_ordinary_least_squares_without_penalty_matches_closed_form(run) -> None:
    rng = np.random.default_rng(3)
    x = rng.normal(size=(100, 2))
    y = 3 * x[:, 0] - 2 * x[:, 1] + 5
    table = Table.of(pd.DataFrame({"a": x[:, 0], "b": x[:, 1], "y": y}), label="y")
    learner = run("linear_regression", {"l2_regularization_weight": 0})["untrained_model"]
    scored = learner.fit(table, "y").score(table).frame
    np.testing.assert_allclose(scored[SCORED_LABELS], y, atol=1e-9)


def test_quantile_forest_predicts_ordered_quantiles_that_cover_the_label(
    diabetes, train_and_score
) -> None:
    train, test = diabetes
    params = {"quantiles_to_be_estimated": [0.75, 0.25, 0.5]}
    scored = train_and_score("fast_forest_quantile_regression", train, test, params).frame
    low, mid, high = (scored[f"Quantile:{q}"] for q in ("0.25", "0.5", "0.75"))
    assert ((low <= mid) & (mid <= high)).all()
    inside = ((scored["target"] >= low) & (scored["target"] <= high)).mean()
    assert 0.3 < inside < 0.75


def test_regression_learner_rejects_a_text_label(iris, train_and_score) -> None:
    train, test = iris
    with pytest.raises(ColumnTypeError, match="classification learner"):
        train_and_score("linear_regression", train, test)


def test_poisson_regression_rejects_negative_counts(train_and_score) -> None:
    table = Table.of(pd.DataFrame({"x": [1.0, 2.0, 3.0, 4.0], "y": [1, -2, 3, 4]}), label="y")
    with pytest.raises(InvalidInputError, match="negative") as info:
        train_and_score("poisson_regression", table, table)
    assert info.value.details["minimum"] == -2
