"""Evaluation metrics per task, named as kumi reports them (the same as sklearn.metrics)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from sklearn import metrics as skm

from kumi.components._learning.binary_curves import BinaryCurves

LOWER_IS_BETTER = frozenset(
    {
        "log_loss",
        "mean_absolute_error",
        "root_mean_squared_error",
        "relative_absolute_error",
        "relative_squared_error",
        "average_quantile_loss",
    }
)


def binary_metrics(
    actual: np.ndarray,
    predicted: np.ndarray,
    probability: np.ndarray | None,
    curves: BinaryCurves | None = None,
) -> dict[str, float]:
    """``actual`` / ``predicted`` are booleans (True = positive class); ``curves`` of
    ``probability`` when the caller has them already."""
    tp, fp, fn, tn = binary_counts(actual, predicted)
    result = {
        "accuracy": (tp + tn) / len(actual) if len(actual) else 0.0,
        "precision": _ratio_or_zero(tp, tp + fp),
        "recall": _ratio_or_zero(tp, tp + fn),
        "f1_score": _ratio_or_zero(2 * tp, 2 * tp + fp + fn),
    }
    if probability is not None and 0 < tp + fn < len(actual):
        result["auc"] = (curves or BinaryCurves.of(actual, probability)).auc()
        result["log_loss"] = binary_log_loss(actual, probability)
    return {k: float(v) for k, v in result.items()}


def binary_counts(actual: np.ndarray, predicted: np.ndarray) -> tuple[int, int, int, int]:
    """True positives, false positives, false negatives and true negatives."""
    actual, predicted = actual.astype(bool), predicted.astype(bool)
    tp = int(np.count_nonzero(actual & predicted))
    fp = int(np.count_nonzero(predicted)) - tp
    fn = int(np.count_nonzero(actual)) - tp
    return tp, fp, fn, len(actual) - tp - fp - fn


def binary_log_loss(actual: np.ndarray, probability: np.ndarray) -> float:
    """Mean negative log-likelihood, probabilities clipped like scikit-learn's log_loss."""
    eps = np.finfo(np.float64).eps
    p = np.clip(probability.astype("float64"), eps, 1.0 - eps)
    return float(-np.mean(np.where(actual.astype(bool), np.log(p), np.log1p(-p))))


def _ratio_or_zero(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0


def multiclass_metrics(actual: np.ndarray, predicted: np.ndarray) -> dict[str, float]:
    def averaged(kind: str, average: str) -> float:
        score = skm.precision_score if kind == "precision" else skm.recall_score
        return float(score(actual, predicted, average=average, zero_division=0))

    return {
        "accuracy": float(skm.accuracy_score(actual, predicted)),
        "macro_precision": averaged("precision", "macro"),
        "macro_recall": averaged("recall", "macro"),
        "micro_precision": averaged("precision", "micro"),
        "micro_recall": averaged("recall", "micro"),
    }


def regression_metrics(actual: np.ndarray, predicted: np.ndarray) -> dict[str, float]:
    """MAE, RMSE, relative absolute/squared error (vs. predicting the mean) and R²."""
    errors = actual - predicted
    spread = actual - actual.mean()
    absolute_spread = float(np.abs(spread).sum())
    squared_spread = float((spread**2).sum())
    return {
        "mean_absolute_error": float(np.abs(errors).mean()),
        "root_mean_squared_error": float(np.sqrt((errors**2).mean())),
        "relative_absolute_error": _ratio(float(np.abs(errors).sum()), absolute_spread),
        "relative_squared_error": _ratio(float((errors**2).sum()), squared_spread),
        "coefficient_of_determination": 1.0 - _ratio(float((errors**2).sum()), squared_spread),
    }


def quantile_metrics(
    actual: np.ndarray, quantiles: Sequence[float], predicted: Sequence[np.ndarray]
) -> dict[str, float]:
    """Pinball loss per quantile and its average."""
    result = {
        f"quantile_loss_{q:g}": float(skm.mean_pinball_loss(actual, values, alpha=q))
        for q, values in zip(quantiles, predicted, strict=True)
    }
    result["average_quantile_loss"] = float(np.mean(list(result.values())))
    return result


def clustering_metrics(assignments: np.ndarray, distances: np.ndarray) -> dict[str, Any]:
    """Combined metrics and, under ``"clusters"``, the same per cluster."""
    own = distances[np.arange(len(assignments)), assignments]
    others = _mean_other_distance(distances, assignments)
    per_cluster: dict[str, list[float]] = {
        "cluster": [],
        "number_of_points": [],
        "average_distance_to_cluster_center": [],
        "average_distance_to_other_center": [],
        "maximal_distance_to_cluster_center": [],
    }
    for cluster in range(distances.shape[1]):
        members = assignments == cluster
        per_cluster["cluster"].append(cluster)
        per_cluster["number_of_points"].append(int(members.sum()))
        per_cluster["average_distance_to_cluster_center"].append(_mean(own[members]))
        per_cluster["average_distance_to_other_center"].append(_mean(others[members]))
        per_cluster["maximal_distance_to_cluster_center"].append(
            float(own[members].max()) if members.any() else 0.0
        )
    combined = {
        "number_of_points": float(len(assignments)),
        "average_distance_to_cluster_center": _mean(own),
        "average_distance_to_other_center": _mean(others),
        "maximal_distance_to_cluster_center": float(own.max()) if len(own) else 0.0,
    }
    return {**combined, "clusters": per_cluster}


def _mean_other_distance(distances: np.ndarray, assignments: np.ndarray) -> np.ndarray:
    count = distances.shape[1]
    if count < 2:
        return np.zeros(len(assignments))
    own = distances[np.arange(len(assignments)), assignments]
    return np.asarray((distances.sum(axis=1) - own) / (count - 1))


def _mean(values: np.ndarray) -> float:
    return float(values.mean()) if len(values) else 0.0


def _ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator > 0 else float("nan")
