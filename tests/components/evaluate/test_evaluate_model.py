"""Evaluate Model's metrics equal scikit-learn's on the same arrays."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from sklearn import metrics as skm

from kumi.core import (
    SCORED_LABELS,
    SCORED_PROBABILITIES,
    ColumnRole,
    EvaluationReport,
    InvalidInputError,
    Table,
)

SCORE = ColumnRole.SCORE


def scored(frame: pd.DataFrame, label: str = "y") -> Table:
    scores = {c: SCORE for c in frame.columns if c != label}
    return Table.of(frame, label=label, roles=scores)


def binary_table(seed: int = 0, labels=("no", "yes")) -> tuple[Table, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    truth = rng.random(300) < 0.4
    probability = np.clip(truth * 0.35 + rng.random(300) * 0.65, 0, 1)
    actual = np.where(truth, labels[1], labels[0])
    predicted = np.where(probability > 0.5, labels[1], labels[0])
    frame = pd.DataFrame({"y": actual, SCORED_LABELS: predicted, SCORED_PROBABILITIES: probability})
    return scored(frame), truth, probability


def test_binary_metrics_equal_sklearn(run) -> None:
    table, truth, probability = binary_table()
    report = run("evaluate_model", scored_dataset=table)["evaluation_results"]
    predicted = probability > 0.5
    assert report.task == "binary_classification"
    expected = {
        "accuracy": skm.accuracy_score(truth, predicted),
        "precision": skm.precision_score(truth, predicted),
        "recall": skm.recall_score(truth, predicted),
        "f1_score": skm.f1_score(truth, predicted),
        "auc": skm.roc_auc_score(truth, probability),
        "log_loss": skm.log_loss(truth, probability),
    }
    assert report.metrics == pytest.approx(expected, rel=1e-12)
    matrix = report.charts["confusion_matrix"]
    assert matrix["labels"] == ["no", "yes"]
    assert matrix["threshold"] == 0.5
    assert matrix["matrix"] == skm.confusion_matrix(truth, predicted).tolist()


def test_binary_charts_are_curves(run) -> None:
    table, truth, probability = binary_table(1)
    charts = run("evaluate_model", scored_dataset=table)["evaluation_results"].charts
    roc = charts["roc"]
    assert len(roc["fpr"]) == len(roc["tpr"]) == len(roc["thresholds"])
    assert roc["fpr"][0] == 0.0 and roc["tpr"][-1] == 1.0
    assert np.trapezoid(roc["tpr"], roc["fpr"]) == pytest.approx(
        skm.roc_auc_score(truth, probability)
    )
    pr = charts["precision_recall"]
    assert len(pr["precision"]) == len(pr["recall"]) == len(pr["thresholds"])
    lift = charts["lift"]
    assert lift["fraction_of_population"][-1] == 1.0
    assert lift["cumulative_gain"][-1] == 1.0
    assert lift["lift"][0] > 1.0
    json.dumps(charts, allow_nan=False)


def test_compared_dataset_fills_compared(run) -> None:
    first, _, _ = binary_table(2)
    second, _, _ = binary_table(3)
    report = run("evaluate_model", scored_dataset=first, scored_dataset_to_compare=second)[
        "evaluation_results"
    ]
    assert isinstance(report.compared, EvaluationReport)
    assert report.compared.metrics != report.metrics
    assert EvaluationReport.from_dict(json.loads(json.dumps(report.to_dict()))).compared is not None


def test_single_class_leaves_out_undefined_metrics(run) -> None:
    frame = pd.DataFrame(
        {"y": [1, 1, 1], SCORED_LABELS: [1, 0, 1], SCORED_PROBABILITIES: [0.9, 0.2, 0.8]}
    )
    report = run("evaluate_model", scored_dataset=scored(frame))["evaluation_results"]
    assert "auc" not in report.metrics
    assert report.metrics["accuracy"] == pytest.approx(2 / 3)


def test_multiclass_metrics_equal_sklearn(run) -> None:
    rng = np.random.default_rng(4)
    classes = np.array(["a", "b", "c"])
    actual = rng.choice(classes, 200)
    predicted = np.where(rng.random(200) < 0.7, actual, rng.choice(classes, 200))
    frame = pd.DataFrame({"y": actual, SCORED_LABELS: predicted})
    for c in classes:
        frame[f"{SCORED_PROBABILITIES}_{c}"] = (predicted == c).astype(float)
    report = run("evaluate_model", scored_dataset=scored(frame))["evaluation_results"]
    assert report.task == "multiclass_classification"
    expected = {
        "accuracy": skm.accuracy_score(actual, predicted),
        "macro_precision": skm.precision_score(actual, predicted, average="macro"),
        "macro_recall": skm.recall_score(actual, predicted, average="macro"),
        "micro_precision": skm.precision_score(actual, predicted, average="micro"),
        "micro_recall": skm.recall_score(actual, predicted, average="micro"),
    }
    assert report.metrics == pytest.approx(expected, rel=1e-12)
    matrix = report.charts["confusion_matrix"]
    assert matrix["labels"] == ["a", "b", "c"]
    assert matrix["matrix"] == skm.confusion_matrix(actual, predicted, labels=classes).tolist()


def test_regression_metrics_equal_sklearn_and_definitions(run) -> None:
    rng = np.random.default_rng(5)
    actual = rng.normal(50, 10, 500)
    predicted = actual + rng.normal(0, 4, 500)
    frame = pd.DataFrame({"y": actual, SCORED_LABELS: predicted})
    report = run("evaluate_model", scored_dataset=scored(frame))["evaluation_results"]
    assert report.task == "regression"
    m = report.metrics
    assert m["mean_absolute_error"] == pytest.approx(skm.mean_absolute_error(actual, predicted))
    assert m["root_mean_squared_error"] == pytest.approx(
        np.sqrt(skm.mean_squared_error(actual, predicted))
    )
    assert m["coefficient_of_determination"] == pytest.approx(skm.r2_score(actual, predicted))
    spread = actual - actual.mean()
    assert m["relative_absolute_error"] == pytest.approx(
        np.abs(actual - predicted).sum() / np.abs(spread).sum()
    )
    assert m["relative_squared_error"] == pytest.approx(
        ((actual - predicted) ** 2).sum() / (spread**2).sum()
    )
    residuals = report.charts["residuals"]
    assert sum(residuals["counts"]) == 500
    assert len(residuals["bin_edges"]) == len(residuals["counts"]) + 1
    points = report.charts["predicted_vs_true"]
    assert len(points["true"]) == len(points["predicted"]) == 500


def test_clustering_metrics_from_assignments_and_distances(run) -> None:
    frame = pd.DataFrame(
        {
            "Assignments": [0, 0, 1],
            "DistancesToClusterCenter no.0": [1.0, 3.0, 6.0],
            "DistancesToClusterCenter no.1": [5.0, 7.0, 2.0],
        }
    )
    table = Table.of(frame, roles=dict.fromkeys(frame.columns, SCORE))
    report = run("evaluate_model", scored_dataset=table)["evaluation_results"]
    assert report.task == "clustering"
    assert report.metrics == pytest.approx(
        {
            "number_of_points": 3,
            "average_distance_to_cluster_center": 2.0,
            "average_distance_to_other_center": 6.0,
            "maximal_distance_to_cluster_center": 3.0,
        }
    )
    clusters = report.charts["clusters"]
    assert clusters["number_of_points"] == [2, 1]
    assert clusters["average_distance_to_cluster_center"] == [2.0, 2.0]


def test_scores_of_a_real_model_evaluate_end_to_end(run) -> None:
    from kumi.testing import example

    report = run("evaluate_model", scored_dataset=example("scored_regression_table"))[
        "evaluation_results"
    ]
    assert report.metrics["coefficient_of_determination"] > 0.99


def test_missing_label_role_asks_for_edit_metadata(run) -> None:
    table, _, _ = binary_table()
    unlabelled = Table.of(table.frame)
    with pytest.raises(InvalidInputError, match="Edit Metadata"):
        run("evaluate_model", scored_dataset=unlabelled)


def test_table_without_scores_is_refused(run) -> None:
    table = Table.of(pd.DataFrame({"x": [1, 2], "y": [0, 1]}), label="y")
    with pytest.raises(InvalidInputError, match="Score Model"):
        run("evaluate_model", scored_dataset=table)


def test_missing_probabilities_are_a_clear_input_error(run) -> None:
    table, _, _ = binary_table()
    frame = table.frame.copy()
    frame.loc[0, SCORED_PROBABILITIES] = np.nan
    with pytest.raises(InvalidInputError, match="cannot be evaluated as binary classification"):
        run("evaluate_model", scored_dataset=table.derive(frame))
