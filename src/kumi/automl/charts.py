"""Charts of the best model's validation predictions (JSON-ready, a few hundred points at most).

Classification: ROC, precision-recall, lift and calibration of the positive class (binary) or
one ROC per class (multiclass), and the confusion matrix; regression: a histogram of the
residuals and a sample of predicted against true values. The shapes are those of Evaluate
Model's charts (:mod:`kumi.components._learning.charts`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from kumi.automl.settings import Task
from kumi.components._learning.binary_curves import BinaryCurves
from kumi.components._learning.charts import binary_charts, confusion, regression_charts

CALIBRATION_BINS = 10


def validation_charts(
    task: Task, y: np.ndarray, predictions: np.ndarray, classes: Sequence[Any] | None = None
) -> dict[str, Any]:
    """Charts of ``predictions`` (probabilities ``(rows, n_classes)`` or values) against ``y``
    (class indices or values); ``classes`` are the original labels, in index order."""
    y = np.asarray(y)
    predictions = np.asarray(predictions, dtype="float64")
    if task == "regression":
        return regression_charts(y.astype("float64"), predictions.reshape(-1))
    labels = [plain(c) for c in (classes if classes is not None else range(predictions.shape[1]))]
    return classification_charts(y.astype("int64"), predictions, labels)


def classification_charts(
    y: np.ndarray, probabilities: np.ndarray, labels: list[Any]
) -> dict[str, Any]:
    """Binary: roc, precision_recall, lift, calibration, confusion_matrix; multiclass: per-class
    roc and confusion_matrix."""
    predicted = probabilities.argmax(axis=1)
    matrix = confusion(y, predicted, list(range(len(labels))))
    matrix["labels"] = labels
    if probabilities.shape[1] == 2:
        charts = binary_charts(BinaryCurves.of(y == 1, probabilities[:, 1]))
        charts["calibration"] = calibration(y == 1, probabilities[:, 1])
    else:
        charts = {"roc": per_class_roc(y, probabilities, labels)}
    charts["confusion_matrix"] = matrix
    return charts


def per_class_roc(y: np.ndarray, probabilities: np.ndarray, labels: list[Any]) -> dict[str, Any]:
    """One-versus-rest ROC curve and AUC of every class."""
    curves = []
    for index, label in enumerate(labels):
        roc = BinaryCurves.of(y == index, probabilities[:, index])
        fpr, tpr, _ = roc.roc()
        keep = _thin(len(fpr))
        curves.append(
            {
                "class": label,
                "fpr": [float(v) for v in fpr[keep]],
                "tpr": [float(v) for v in tpr[keep]],
                "auc": roc.auc(),
            }
        )
    return {"per_class": curves}


def calibration(actual: np.ndarray, probability: np.ndarray) -> dict[str, list[Any]]:
    """Reliability diagram: mean predicted probability against the observed positive rate in
    equal-width probability bins (empty bins left out)."""
    edges = np.linspace(0.0, 1.0, CALIBRATION_BINS + 1)
    bins = np.clip(np.digitize(probability, edges[1:-1]), 0, CALIBRATION_BINS - 1)
    counts = np.bincount(bins, minlength=CALIBRATION_BINS)
    predicted = np.bincount(bins, weights=probability, minlength=CALIBRATION_BINS)
    observed = np.bincount(bins, weights=actual.astype("float64"), minlength=CALIBRATION_BINS)
    used = counts > 0
    return {
        "mean_predicted": [float(v) for v in predicted[used] / counts[used]],
        "fraction_positive": [float(v) for v in observed[used] / counts[used]],
        "count": [int(v) for v in counts[used]],
    }


def plain(value: Any) -> Any:
    """A numpy scalar as the Python value (labels must serialise as JSON)."""
    return value.item() if isinstance(value, np.generic) else value


def _thin(length: int, points: int = 200) -> np.ndarray:
    if length <= points:
        return np.arange(length)
    return np.unique(np.linspace(0, length - 1, points).round().astype(int))
