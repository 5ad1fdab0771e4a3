"""Primary metrics of AutoML: names, direction and how each is computed from predictions.

Every metric takes the true targets (class indices for classification, floats for regression)
and the predictions in the search's common form: for classification the class-probability
matrix ``(n_rows, n_classes)``, for regression the predicted values. ``loss`` turns any
metric into "lower is better", which the search minimises.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from sklearn import metrics as skm

from kumi.automl.settings import Task
from kumi.core.errors import InvalidParameterError

Scorer = Callable[[np.ndarray, np.ndarray], float]


@dataclass(frozen=True)
class Metric:
    name: str
    task: Task
    greater_is_better: bool
    compute: Scorer

    def __call__(self, y_true: np.ndarray, predicted: np.ndarray) -> float:
        return float(self.compute(y_true, predicted))

    def loss(self, value: float) -> float:
        """``value`` as a loss: lower is better."""
        return -value if self.greater_is_better else value


def _labels(probabilities: np.ndarray) -> np.ndarray:
    return np.asarray(probabilities).argmax(axis=1)


def _auc(y: np.ndarray, p: np.ndarray) -> float:
    if p.shape[1] == 2:
        return skm.roc_auc_score(y, p[:, 1])
    return skm.roc_auc_score(y, p, multi_class="ovr", average="macro", labels=range(p.shape[1]))


def _log_loss(y: np.ndarray, p: np.ndarray) -> float:
    """Log loss of probabilities renormalised per row (float32 model outputs sum to 1 only
    within rounding, which scikit-learn warns about)."""
    clipped = np.clip(np.asarray(p, dtype=np.float64), 1e-15, 1.0)
    return skm.log_loss(y, clipped / clipped.sum(axis=1, keepdims=True), labels=range(p.shape[1]))


def _averaged(score: Callable[..., float]) -> Scorer:
    def compute(y: np.ndarray, p: np.ndarray) -> float:
        average = "binary" if p.shape[1] == 2 else "macro"
        return score(y, _labels(p), average=average, zero_division=0)

    return compute


def _rmse(y: np.ndarray, predicted: np.ndarray) -> float:
    return float(np.sqrt(skm.mean_squared_error(y, predicted)))


CLASSIFICATION: dict[str, Metric] = {
    m.name: m
    for m in (
        Metric("auc", "classification", True, _auc),
        Metric("accuracy", "classification", True, lambda y, p: skm.accuracy_score(y, _labels(p))),
        Metric("log_loss", "classification", False, _log_loss),
        Metric("f1", "classification", True, _averaged(skm.f1_score)),
        Metric("precision", "classification", True, _averaged(skm.precision_score)),
        Metric("recall", "classification", True, _averaged(skm.recall_score)),
    )
}
REGRESSION: dict[str, Metric] = {
    m.name: m
    for m in (
        Metric("r2", "regression", True, skm.r2_score),
        Metric("rmse", "regression", False, _rmse),
        Metric("mae", "regression", False, skm.mean_absolute_error),
    )
}
ALIASES = {
    "roc_auc": "auc",
    "f1_score": "f1",
    "coefficient_of_determination": "r2",
    "root_mean_squared_error": "rmse",
    "mean_absolute_error": "mae",
}


def default_metric(task: Task, n_classes: int = 2) -> str:
    """auc for binary classification, log_loss for multiclass, r2 for regression."""
    if task == "regression":
        return "r2"
    return "auc" if n_classes == 2 else "log_loss"


def get_metric(name: str | None, task: Task, n_classes: int = 2) -> Metric:
    """The metric called ``name`` (None: the task's default); InvalidParameterError otherwise."""
    wanted = ALIASES.get(name, name) if name else default_metric(task, n_classes)
    table = REGRESSION if task == "regression" else CLASSIFICATION
    if wanted not in table:
        raise InvalidParameterError(
            f"Metric '{name}' is not available for {task}; choose one of {', '.join(table)}.",
            details={"metric": name, "task": task, "choices": list(table)},
        )
    return table[wanted]
