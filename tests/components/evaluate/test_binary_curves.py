"""Two-class curves from one sort agree with scikit-learn's metrics."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn import metrics as skm

from kumi.components._learning.binary_curves import BinaryCurves
from kumi.components._learning.charts import binary_confusion
from kumi.components._learning.metrics import binary_metrics


def scores(rows: int, decimals: int | None, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    probability = rng.random(rows)
    if decimals is not None:
        probability = probability.round(decimals)  # many tied scores
    return rng.random(rows) < probability, probability


@pytest.mark.parametrize(("rows", "decimals"), [(7, 1), (1000, 2), (20_000, None)])
def test_curves_equal_scikit_learns(rows: int, decimals: int | None):
    actual, probability = scores(rows, decimals, seed=rows)
    curves = BinaryCurves.of(actual, probability)
    for mine, theirs in zip(curves.roc(), skm.roc_curve(actual, probability), strict=True):
        np.testing.assert_allclose(mine, theirs)
    pr = skm.precision_recall_curve(actual, probability)
    for mine, theirs in zip(curves.precision_recall(), pr, strict=True):
        np.testing.assert_allclose(mine, theirs)
    assert curves.auc() == pytest.approx(skm.roc_auc_score(actual, probability), abs=1e-12)


def test_metrics_equal_scikit_learns():
    actual, probability = scores(5000, 3, seed=3)
    predicted = probability >= 0.5
    mine = binary_metrics(actual, predicted, probability)
    assert mine == pytest.approx(
        {
            "accuracy": skm.accuracy_score(actual, predicted),
            "precision": skm.precision_score(actual, predicted),
            "recall": skm.recall_score(actual, predicted),
            "f1_score": skm.f1_score(actual, predicted),
            "auc": skm.roc_auc_score(actual, probability),
            "log_loss": skm.log_loss(actual, probability),
        },
        abs=1e-12,
    )
    matrix = binary_confusion(actual, predicted, ["no", "yes"])["matrix"]
    assert matrix == skm.confusion_matrix(actual, predicted).tolist()


def test_one_class_has_no_auc_and_no_division_by_zero():
    actual = np.zeros(10, dtype=bool)
    metrics = binary_metrics(actual, np.zeros(10, dtype=bool), np.linspace(0, 1, 10))
    assert metrics == {"accuracy": 1.0, "precision": 0.0, "recall": 0.0, "f1_score": 0.0}


def test_gain_counts_rows_in_decreasing_score_order():
    curves = BinaryCurves.of(np.array([True, False, True, False]), np.array([0.9, 0.8, 0.1, 0.5]))
    np.testing.assert_allclose(curves.gain_at(np.array([1, 2, 4])), [0.5, 0.5, 1.0])
