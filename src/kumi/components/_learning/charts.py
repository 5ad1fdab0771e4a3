"""Chart data for evaluation reports (JSON-ready lists, at most a few hundred points)."""

from __future__ import annotations

from typing import Any

import numpy as np
from sklearn import metrics as skm

from kumi.components._learning.binary_curves import BinaryCurves
from kumi.components._learning.metrics import binary_counts

MAX_POINTS = 500
LIFT_POINTS = 100
HISTOGRAM_BINS = 30


def binary_charts(curves: BinaryCurves) -> dict[str, Any]:
    """ROC, precision-recall and lift curves of positive-class probabilities."""
    fpr, tpr, roc_thresholds = curves.roc()
    precision, recall, pr_thresholds = curves.precision_recall()
    keep = _thin(len(fpr))
    keep_pr = _thin(len(pr_thresholds))
    return {
        "roc": {
            "fpr": _floats(fpr[keep]),
            "tpr": _floats(tpr[keep]),
            "thresholds": _floats(np.minimum(roc_thresholds[keep], 1.0)),
        },
        "precision_recall": {
            "precision": _floats(precision[:-1][keep_pr]),
            "recall": _floats(recall[:-1][keep_pr]),
            "thresholds": _floats(pr_thresholds[keep_pr]),
        },
        "lift": lift_curve(curves),
    }


def lift_curve(curves: BinaryCurves) -> dict[str, list[float]]:
    """Cumulative gain and lift when rows are taken in decreasing probability order."""
    rows = len(curves.row_hits)
    counts = np.unique(np.linspace(1, rows, min(LIFT_POINTS, rows)).round().astype(int))
    fraction = counts / rows
    gain = curves.gain_at(counts)
    return {
        "fraction_of_population": _floats(fraction),
        "cumulative_gain": _floats(gain),
        "lift": _floats(gain / fraction),
    }


def binary_confusion(
    actual: np.ndarray, predicted: np.ndarray, labels: list[Any]
) -> dict[str, Any]:
    """The two-class confusion matrix (rows = actual, columns = predicted; negative first)."""
    tp, fp, fn, tn = binary_counts(actual, predicted)
    return {"labels": labels, "matrix": [[tn, fp], [fn, tp]]}


def confusion(actual: np.ndarray, predicted: np.ndarray, labels: list[Any]) -> dict[str, Any]:
    """Confusion matrix, rows = actual class, columns = predicted class."""
    matrix = skm.confusion_matrix(actual, predicted, labels=labels)
    return {"labels": labels, "matrix": matrix.astype(int).tolist()}


def regression_charts(actual: np.ndarray, predicted: np.ndarray) -> dict[str, Any]:
    """Histogram of residuals and a deterministic sample of (true, predicted) points."""
    residuals = actual - predicted
    counts, edges = np.histogram(residuals, bins=min(HISTOGRAM_BINS, max(1, len(residuals))))
    keep = _thin(len(actual))
    return {
        "residuals": {"bin_edges": _floats(edges), "counts": counts.astype(int).tolist()},
        "predicted_vs_true": {"true": _floats(actual[keep]), "predicted": _floats(predicted[keep])},
    }


def _thin(length: int) -> np.ndarray:
    """Indices of at most MAX_POINTS evenly spread points (always first and last)."""
    if length <= MAX_POINTS:
        return np.arange(length)
    return np.unique(np.linspace(0, length - 1, MAX_POINTS).round().astype(int))


def _floats(values: np.ndarray) -> list[float]:
    return [float(v) for v in values]
