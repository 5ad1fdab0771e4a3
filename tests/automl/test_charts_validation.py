"""Charts of validation predictions: binary curves agree with scikit-learn, calibration bins
average the right rows, multiclass has one ROC per class, regression residuals add up."""

from __future__ import annotations

import json

import numpy as np
from sklearn import metrics as skm

from kumi.automl.charts import calibration, validation_charts
from tests.automl.outputs_support import binary_case, multiclass_case, regression_case


def test_binary_charts_match_scikit_learn() -> None:
    case = binary_case()
    charts = validation_charts("classification", case.y, case.predictions, case.model.classes_)
    fpr, tpr, _ = skm.roc_curve(case.y, case.predictions[:, 1])
    np.testing.assert_allclose(np.trapezoid(charts["roc"]["tpr"], charts["roc"]["fpr"]),
                               skm.auc(fpr, tpr))  # fmt: skip
    lift = charts["lift"]
    assert lift["cumulative_gain"][-1] == 1.0 and lift["lift"][0] >= 1.0
    matrix = np.array(charts["confusion_matrix"]["matrix"])
    expected = skm.confusion_matrix(case.y, case.predictions.argmax(axis=1))
    np.testing.assert_array_equal(matrix, expected)
    json.dumps(charts, allow_nan=False)


def test_calibration_bins_average_their_rows() -> None:
    actual = np.array([0, 0, 1, 1, 1, 0], dtype=bool)
    probability = np.array([0.05, 0.08, 0.55, 0.58, 0.95, 0.99])
    chart = calibration(actual, probability)
    assert chart["count"] == [2, 2, 2]
    np.testing.assert_allclose(chart["mean_predicted"], [0.065, 0.565, 0.97])
    np.testing.assert_allclose(chart["fraction_positive"], [0.0, 1.0, 0.5])


def test_multiclass_charts_have_a_roc_per_class_and_the_confusion_matrix() -> None:
    case = multiclass_case()
    charts = validation_charts("classification", case.y, case.predictions, case.model.classes_)
    assert set(charts) == {"roc", "confusion_matrix"}
    curves = charts["roc"]["per_class"]
    assert [c["class"] for c in curves] == [0, 1, 2]
    for index, curve in enumerate(curves):
        expected = skm.roc_auc_score(case.y == index, case.predictions[:, index])
        assert abs(curve["auc"] - expected) < 1e-12
    assert charts["confusion_matrix"]["labels"] == [0, 1, 2]
    assert np.array(charts["confusion_matrix"]["matrix"]).sum() == len(case.y)
    json.dumps(charts, allow_nan=False)


def test_regression_charts_hold_residuals_and_a_sample() -> None:
    case = regression_case()
    charts = validation_charts("regression", case.y, case.predictions)
    assert set(charts) == {"residuals", "predicted_vs_true"}
    assert sum(charts["residuals"]["counts"]) == len(case.y)
    sample = charts["predicted_vs_true"]
    assert len(sample["true"]) == len(sample["predicted"]) <= 500
    assert sample["true"][0] == case.y[0]
